package dk.sagsspor.events.agendaitem;

/** A follow-up is no longer needed, for a reason. */
public record FollowUpCancelled(String agendaItemId, String followUpId, String reason) implements AgendaItemEvent {}
