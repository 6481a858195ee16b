package dk.sagsspor.events.agendaitem;

/** The item was put on a meeting (the meeting records its number and section). */
public record AgendaItemScheduled(String agendaItemId, String meetingId) implements AgendaItemEvent {}
