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
 * aggregates, for every projection of the pass, are read with row locks in one statement and written back in one
 * statement, in the same transaction as the read-model changes, so a redelivered event is recognised and skipped, and
 * an event from the future is refused — with two round trips per poll rather than two per event and projection. The
 * positions are keyed by aggregate first (V21): each of a poll's aggregates is one index lookup.
 */
@Repository
class AppliedEvents {

    private final JdbcClient jdbc;

    AppliedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks and reads the projections' positions in the given aggregates' histories, for {@link Claims#claim}. */
    Claims positions(Collection<String> projections, Collection<String> aggregateIds) {
        Map<Position, Long> last = new HashMap<>();
        if (!aggregateIds.isEmpty() && !projections.isEmpty()) {
            jdbc.sql("""
                            select projection, aggregate_id, last_sequence from projection_position
                             where aggregate_id in (select unnest(cast(:aggregateIds as text[])))
                               and projection = any(:projections)
                             order by aggregate_id, projection
                               for update""")
                    .param("projections", projections.toArray(String[]::new))
                    .param("aggregateIds", aggregateIds.stream().distinct().toArray(String[]::new))
                    .query((rs, row) -> last.put(new Position(rs.getString(1), rs.getString(2)), rs.getLong(3)))
                    .list();
        }
        return new Claims(last);
    }

    /** A projection's place in one aggregate's history. */
    private record Position(String projection, String aggregateId) {}

    /** The positions of one poll's aggregates: claimed event by event in memory, then saved at once. */
    final class Claims {

        private final Map<Position, Long> last;
        private final Map<Position, EventEnvelope> claimed = new LinkedHashMap<>();

        private Claims(Map<Position, Long> last) {
            this.last = last;
        }

        /**
         * Claims the event for the projection. True: it is the next one and must be applied now. False: it was applied
         * before (a redelivery). Throws {@link EventOutOfSequence} if events are missing before it.
         */
        boolean claim(String projection, EventEnvelope envelope) {
            Position position = new Position(projection, envelope.aggregateId());
            Long previous = last.get(position);
            long expected = previous == null ? 0 : previous + 1;
            if (envelope.sequence() < expected) {
                return false;
            }
            if (envelope.sequence() > expected) {
                throw new EventOutOfSequence(projection, envelope.aggregateId(), expected, envelope.sequence());
            }
            last.put(position, envelope.sequence());
            claimed.put(position, envelope);
            return true;
        }

        /** The new position of every aggregate an event was claimed in, by projection (before {@link #save}). */
        Map<String, Map<String, Long>> claimedPositions() {
            Map<String, Map<String, Long>> positions = new LinkedHashMap<>();
            claimed.forEach((position, envelope) -> positions
                    .computeIfAbsent(position.projection(), p -> new LinkedHashMap<>())
                    .put(position.aggregateId(), envelope.sequence()));
            return positions;
        }

        /** Writes the position of every aggregate an event was claimed in, for every projection, in one statement. */
        void save() {
            if (claimed.isEmpty()) {
                return;
            }
            jdbc.sql("""
                            insert into projection_position (projection, aggregate_id, last_sequence, last_event_id, last_event_time)
                            select * from unnest(cast(:projections as text[]), cast(:aggregateIds as text[]),
                                                 cast(:sequences as bigint[]), cast(:eventIds as text[]),
                                                 cast(:times as timestamptz[]))
                            on conflict (aggregate_id, projection) do update
                               set last_sequence = excluded.last_sequence,
                                   last_event_id = excluded.last_event_id,
                                   last_event_time = excluded.last_event_time""")
                    .param(
                            "projections",
                            claimed.keySet().stream().map(Position::projection).toArray(String[]::new))
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
