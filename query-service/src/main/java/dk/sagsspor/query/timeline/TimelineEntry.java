package dk.sagsspor.query.timeline;

import java.time.Instant;

/** One event in a timeline: when, who, what, in words. */
record TimelineEntry(
        Instant time,
        String actor,
        String type,
        String summary,
        String aggregateType,
        String aggregateId,
        long sequence,
        String eventId,
        String correlationId) {}
