package dk.sagsspor.events.agendaitem;

/** The discussion of the item at the meeting, as noted. */
public record AgendaItemDiscussed(String agendaItemId, String meetingId, String notes) implements AgendaItemEvent {}
