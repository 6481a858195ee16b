package dk.sagsspor.events.agendaitem;

/** The item was deferred from a meeting, to the next meeting of its committee ({@code toMeetingId} null) or to a named one; {@code automatic} when it was carried over because its meeting closed or was cancelled undecided. */
public record AgendaItemDeferred(
        String agendaItemId, String fromMeetingId, String reason, String toMeetingId, boolean automatic)
        implements AgendaItemEvent {}
