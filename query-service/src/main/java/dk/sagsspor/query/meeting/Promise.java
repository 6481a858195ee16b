package dk.sagsspor.query.meeting;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An item a meeting's minutes expected at the committee's next meeting, and what became of it.
 *
 * @param meetingId the meeting that promised it
 * @param meetingStart when that meeting was held
 * @param position the item's place in the promise, from 1
 * @param title the item as the minutes word it (or the secretary, accepting an undertaking); a suggested undertaking's
 *     sentence
 * @param nextMeetingDate the day the minutes gave for the next meeting, if any
 * @param status {@code kept} (on the next meeting's agenda as sent out), {@code missed} (the next meeting's agenda was
 *     sent out, or the meeting held, without it), {@code planned} (on the next meeting's agenda in preparation) or
 *     {@code open} (no next meeting yet, or not on its agenda in preparation), or {@code suggested} (an undertaking
 *     found in a decision, for a secretary to accept or dismiss: {@code PUT /api/meetings/{id}/undertakings} on the
 *     command side) — the form the {@code status} parameter takes
 * @param nextMeetingId the committee's next meeting after the promising one, if scheduled
 * @param nextMeetingStart when it is
 * @param agendaItemId the item on the next agenda that keeps (or will keep) the promise
 * @param agendaNumber its number on that agenda
 * @param source {@code minutes} ("Punkter til næste møde") or {@code decision} (an undertaking in a decision)
 * @param quote the decision's sentence, for an undertaking
 * @param fromAgendaItemId the item whose decision holds the undertaking
 */
record Promise(
        String meetingId,
        String committee,
        Instant meetingStart,
        int position,
        String title,
        @Nullable LocalDate nextMeetingDate,
        Instant promisedAt,
        String status,
        @Nullable String nextMeetingId,
        @Nullable Instant nextMeetingStart,
        @Nullable String agendaItemId,
        @Nullable String agendaNumber,
        String source,
        @Nullable String quote,
        @Nullable String fromAgendaItemId) {

    static final java.util.List<String> STATUSES = java.util.List.of("open", "planned", "kept", "missed", "suggested");
}
