package dk.sagsspor.events.agendaitem;

/** The item was withdrawn; it takes no more lifecycle commands. */
public record AgendaItemWithdrawn(String agendaItemId, String meetingId, String reason) implements AgendaItemEvent {}
