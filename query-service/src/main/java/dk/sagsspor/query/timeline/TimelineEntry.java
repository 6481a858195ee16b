package dk.sagsspor.query.timeline;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One event in a timeline: when, who, what, in words. {@code time} is when it happened in the committee's world (for
 * imported minutes, the meeting's time); {@code recorded} is when Sagsspor recorded it — the same instant for anything
 * recorded as it happened. {@code agendaItem} is the item an entry is about: the item's own events, and the agenda
 * events of a meeting that name one (null for the others); {@code agendaItemName} is that item's title.
 */
record TimelineEntry(
        Instant time,
        Instant recorded,
        @Nullable String actor,
        String type,
        String summary,
        String aggregateType,
        String aggregateId,
        long sequence,
        String eventId,
        @Nullable String correlationId,
        @Nullable String agendaItem,
        @Nullable String agendaItemName) {}
