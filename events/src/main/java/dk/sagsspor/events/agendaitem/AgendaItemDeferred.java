package dk.sagsspor.events.agendaitem;

/**
 * The item was deferred from a meeting, to the next meeting of its committee ({@code toMeetingId} null) or to a named
 * one.
 *
 * @param automatic carried over because its meeting closed with it undecided, or was cancelled
 * @param meetingCancelled moved because its meeting was cancelled: not a deferral by the committee. New in version 2:
 *     version 1 events are upcast with {@code true} exactly where the carry-over wrote its cancellation reason ("Mødet
 *     blev aflyst")
 */
public record AgendaItemDeferred(
        String agendaItemId,
        String fromMeetingId,
        String reason,
        String toMeetingId,
        boolean automatic,
        boolean meetingCancelled)
        implements AgendaItemEvent {

    /** Version 2 added {@code meetingCancelled}. */
    public static final int VERSION = 2;

    /** The reason the carry-over gives when an item moves because its meeting was cancelled. */
    public static final String MEETING_CANCELLED = "Mødet blev aflyst";

    /** A deferral that is no move from a cancelled meeting. */
    public AgendaItemDeferred(
            String agendaItemId, String fromMeetingId, String reason, String toMeetingId, boolean automatic) {
        this(agendaItemId, fromMeetingId, reason, toMeetingId, automatic, false);
    }
}
