package dk.sagsspor.query.projection;

import dk.sagsspor.events.EventEnvelope;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each projection's position in each aggregate's history: the last sequence it applied. The positions of a poll's
 * aggregates are read with row locks in one statement and written back in one statement, in the same transaction as
 * the read-model changes, so a redelivered event is recognised and skipped, and an event from the future is refused —
 * with two round trips per poll rather than two per event.
 */
@Repository
class AppliedEvents {

    private final JdbcClient jdbc;

    AppliedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks and reads the projection's positions in the given aggregates' histories, for {@link Claims#claim}. */
    Claims positions(String projection, Collection<String> aggregateIds) {
        Map<String, Long> last = new HashMap<>();
        if (!aggregateIds.isEmpty()) {
            jdbc.sql("""
                            select aggregate_id, last_sequence from projection_position
                             where projection = :projection and aggregate_id = any(:aggregateIds)
                             order by aggregate_id
                               for update""")
                    .param("projection", projection)
                    .param("aggregateIds", aggregateIds.stream().distinct().toArray(String[]::new))
                    .query((rs, row) -> last.put(rs.getString(1), rs.getLong(2)))
                    .list();
        }
        return new Claims(projection, last);
    }

    /** The positions of one poll's aggregates: claimed event by event in memory, then saved at once. */
    final class Claims {

        private final String projection;
        private final Map<String, Long> last;
        private final Map<String, EventEnvelope> claimed = new LinkedHashMap<>();

        private Claims(String projection, Map<String, Long> last) {
            this.projection = projection;
            this.last = last;
        }

        /**
         * Claims the event for the projection. True: it is the next one and must be applied now. False: it was applied
         * before (a redelivery). Throws {@link EventOutOfSequence} if events are missing before it.
         */
        boolean claim(EventEnvelope envelope) {
            Long previous = last.get(envelope.aggregateId());
            long expected = previous == null ? 0 : previous + 1;
            if (envelope.sequence() < expected) {
                return false;
            }
            if (envelope.sequence() > expected) {
                throw new EventOutOfSequence(projection, envelope.aggregateId(), expected, envelope.sequence());
            }
            last.put(envelope.aggregateId(), envelope.sequence());
            claimed.put(envelope.aggregateId(), envelope);
            return true;
        }

        /** The new position of every aggregate an event was claimed in (before {@link #save}). */
        Map<String, Long> claimedPositions() {
            Map<String, Long> positions = new LinkedHashMap<>();
            claimed.forEach((aggregateId, envelope) -> positions.put(aggregateId, envelope.sequence()));
            return positions;
        }

        /** Writes the position of every aggregate an event was claimed in, in one statement. */
        void save() {
            if (claimed.isEmpty()) {
                return;
            }
            jdbc.sql("""
                            insert into projection_position (projection, aggregate_id, last_sequence, last_event_id, last_event_time)
                            select :projection, position.*
                              from unnest(cast(:aggregateIds as text[]), cast(:sequences as bigint[]),
                                          cast(:eventIds as text[]), cast(:times as timestamptz[])) as position
                            on conflict (projection, aggregate_id) do update
                               set last_sequence = excluded.last_sequence,
                                   last_event_id = excluded.last_event_id,
                                   last_event_time = excluded.last_event_time""")
                    .param("projection", projection)
                    .param("aggregateIds", column(EventEnvelope::aggregateId))
                    .param("sequences", column(envelope -> Long.toString(envelope.sequence())))
                    .param("eventIds", column(EventEnvelope::eventId))
                    .param("times", column(envelope -> envelope.time().toString()))
                    .update();
            claimed.clear();
        }

        private String[] column(Function<EventEnvelope, String> value) {
            return claimed.values().stream().map(value).toArray(String[]::new);
        }
    }
}
