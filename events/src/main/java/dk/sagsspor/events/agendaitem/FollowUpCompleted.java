package dk.sagsspor.events.agendaitem;

/** A follow-up was done, with a note of what was done. */
public record FollowUpCompleted(String agendaItemId, String followUpId, String note) implements AgendaItemEvent {}
