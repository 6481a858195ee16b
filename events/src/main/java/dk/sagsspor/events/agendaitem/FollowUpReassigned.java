package dk.sagsspor.events.agendaitem;

/** Another staff member (initials from the staff directory) is now responsible for a follow-up. */
public record FollowUpReassigned(String agendaItemId, String followUpId, String assignee) implements AgendaItemEvent {}
