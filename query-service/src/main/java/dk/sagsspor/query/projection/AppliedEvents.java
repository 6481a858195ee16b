package dk.sagsspor.query.projection;

import dk.sagsspor.events.EventEnvelope;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each projection's position in each aggregate's history: the last sequence it applied. It is read with a row lock and
 * written in the same transaction as the read-model change, so a redelivered event is recognised and skipped, and an
 * event from the future is refused.
 */
@Repository
class AppliedEvents {

    private final JdbcClient jdbc;

    AppliedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the event for the projection. True: it is the next one and must be applied now. False: it was applied
     * before (a redelivery). Throws {@link EventOutOfSequence} if events are missing before it.
     */
    boolean claim(String projection, EventEnvelope envelope) {
        Optional<Long> last = jdbc.sql("""
                        select last_sequence from projection_position
                         where projection = :projection and aggregate_id = :aggregateId
                           for update""")
                .param("projection", projection)
                .param("aggregateId", envelope.aggregateId())
                .query(Long.class)
                .optional();
        long expected = last.map(sequence -> sequence + 1).orElse(0L);
        if (envelope.sequence() < expected) {
            return false;
        }
        if (envelope.sequence() > expected) {
            throw new EventOutOfSequence(projection, envelope.aggregateId(), expected, envelope.sequence());
        }
        jdbc.sql("""
                        insert into projection_position (projection, aggregate_id, last_sequence, last_event_id, last_event_time)
                        values (:projection, :aggregateId, :sequence, :eventId, :time)
                        on conflict (projection, aggregate_id) do update
                           set last_sequence = excluded.last_sequence,
                               last_event_id = excluded.last_event_id,
                               last_event_time = excluded.last_event_time""")
                .param("projection", projection)
                .param("aggregateId", envelope.aggregateId())
                .param("sequence", envelope.sequence())
                .param("eventId", envelope.eventId())
                .param("time", java.sql.Timestamp.from(envelope.time()))
                .update();
        return true;
    }
}
