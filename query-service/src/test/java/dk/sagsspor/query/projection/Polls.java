package dk.sagsspor.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dk.sagsspor.events.EventEnvelope;
import dk.sagsspor.events.SagssporEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * For tests that compare a poll written at once with the same events written one by one: events as a poll delivers
 * them, and the comparison of the rows each way gave.
 */
public final class Polls {

    private Polls() {}

    /** The event as decoded from its record: its aggregate's, at {@code sequence}, happened and recorded at {@code time}. */
    public static <E extends SagssporEvent> DecodedEvent<E> decoded(
            E event, String aggregateType, long sequence, Instant time) {
        return new DecodedEvent<>(
                new EventEnvelope(
                        UUID.randomUUID().toString(),
                        "type",
                        "test",
                        aggregateType,
                        event.aggregateId(),
                        sequence,
                        time,
                        "hast",
                        null,
                        null,
                        time),
                event);
    }

    /**
     * Writes the events of one aggregate one by one, each in a transaction of its own, and the same life of another
     * aggregate as a live consumer would: the events before {@code firstOfPoll} one by one, the rest as one poll.
     */
    public static <E extends SagssporEvent> void writeBothWays(
            TransactionTemplate transactions,
            Projection<E> projection,
            String aggregateType,
            List<E> oneByOne,
            List<E> atOnce,
            List<Instant> times,
            int firstOfPoll) {
        for (int i = 0; i < oneByOne.size(); i++) {
            DecodedEvent<E> event = decoded(oneByOne.get(i), aggregateType, i, times.get(i));
            transactions.executeWithoutResult(tx -> projection.apply(event));
        }
        for (int i = 0; i < firstOfPoll; i++) {
            DecodedEvent<E> event = decoded(atOnce.get(i), aggregateType, i, times.get(i));
            transactions.executeWithoutResult(tx -> projection.apply(event));
        }
        List<DecodedEvent<E>> poll = new ArrayList<>();
        for (int i = firstOfPoll; i < atOnce.size(); i++) {
            poll.add(decoded(atOnce.get(i), aggregateType, i, times.get(i)));
        }
        transactions.executeWithoutResult(tx -> projection.apply(poll));
    }

    /**
     * Each query (one {@code ?}: the aggregate's id) answers the same rows, and some, for the aggregate written at once
     * as for the one written event by event.
     */
    public static void assertSameRows(JdbcClient jdbc, String oneByOne, String atOnce, List<String> queries) {
        for (String query : queries) {
            assertThat(jdbc.sql(query).param(atOnce).query(String.class).list())
                    .as(query)
                    .hasSizeGreaterThan(0)
                    .isEqualTo(
                            jdbc.sql(query).param(oneByOne).query(String.class).list());
        }
    }
}
