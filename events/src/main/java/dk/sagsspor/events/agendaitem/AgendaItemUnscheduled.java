package dk.sagsspor.events.agendaitem;

/** The item was taken off the meeting before it was dealt with. */
public record AgendaItemUnscheduled(String agendaItemId, String meetingId) implements AgendaItemEvent {}
