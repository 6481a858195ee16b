package dk.sagsspor.query.digest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A staff member's weekly digest: their open follow-ups by due date (those overdue first), the outstanding items they
 * are case officer of, and what happened to those items between {@code changesAfter} and {@code changesUntil} — the
 * end of their last digest (or {@code sagsspor.digests.first-look-back} before) and a moment ago. The mail and
 * {@code GET /api/digests/{initials}} are written from the same record.
 */
record Digest(
        String initials,
        String name,
        String week,
        boolean subscribed,
        OffsetDateTime changesAfter,
        OffsetDateTime changesUntil,
        List<DigestFollowUp> followUps,
        List<DigestItem> outstandingItems,
        List<DigestChange> changes) {

    /**
     * An open follow-up; {@code overdue} when its due date has passed ({@code daysOverdue} how long ago), else
     * {@code daysLeft} until it.
     */
    record DigestFollowUp(
            String id,
            String description,
            LocalDate dueDate,
            boolean overdue,
            long daysLeft,
            String agendaItem,
            String agendaItemName,
            String committee,
            @Nullable String reference,
            @Nullable String source) {}

    /**
     * An outstanding item: its status, its current meeting and when that starts (if the meetings read model knows it),
     * how often it was deferred and how many of its follow-ups are open.
     */
    record DigestItem(
            String id,
            String name,
            String committee,
            @Nullable String reference,
            String status,
            @Nullable String meeting,
            @Nullable OffsetDateTime meetingStart,
            int timesDeferred,
            int openFollowUps,
            OffsetDateTime created,
            OffsetDateTime modified) {}

    /** What happened to one of those items: as its timeline says it. */
    record DigestChange(
            String agendaItem,
            String agendaItemName,
            OffsetDateTime time,
            OffsetDateTime recorded,
            @Nullable String actor,
            String type,
            String summary) {}

    /** How many follow-ups are overdue. */
    long overdue() {
        return followUps.stream().filter(DigestFollowUp::overdue).count();
    }

    /** Whether there is nothing to tell. */
    boolean empty() {
        return followUps.isEmpty() && outstandingItems.isEmpty() && changes.isEmpty();
    }
}
