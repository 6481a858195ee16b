package dk.sagsspor.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dk.sagsspor.events.EventEnvelope;
import dk.sagsspor.events.SagssporEvent;
import dk.sagsspor.events.agendaitem.AgendaItemDecided;
import dk.sagsspor.events.agendaitem.AgendaItemDecisionCorrected;
import dk.sagsspor.events.agendaitem.AgendaItemEvent;
import dk.sagsspor.events.agendaitem.AgendaItemProposed;
import dk.sagsspor.events.agendaitem.AgendaItemRevised;
import dk.sagsspor.events.agendaitem.DecisionOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
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

    /**
     * An item's life for the read models that keep its title: proposed closed, its title and case number revised, a
     * revision of other parts, decided, its title revised again, the decision corrected.
     */
    public static List<Function<String, AgendaItemEvent>> revisedAndDecided() {
        return List.of(
                id -> new AgendaItemProposed(
                        id, "KKR Batch", "Først", "SAG-2025-00001", List.of("hast"), null, null, null, List.of(), true),
                id -> new AgendaItemRevised(
                        id,
                        "Anden",
                        "SAG-2025-00002",
                        List.of(),
                        null,
                        null,
                        null,
                        List.of(),
                        List.of("title", "caseNumber")),
                id -> new AgendaItemRevised(
                        id,
                        "Ignoreret",
                        "SAG-2025-00002",
                        List.of("haan"),
                        null,
                        null,
                        null,
                        List.of(),
                        List.of("caseOfficers")),
                id -> new AgendaItemDecided(id, "meeting-1", DecisionOutcome.APPROVED, "Godkendt"),
                id -> new AgendaItemRevised(
                        id, "Tredje", "SAG-2025-00002", List.of(), null, null, null, List.of(), List.of("title")),
                id -> new AgendaItemDecisionCorrected(id, "meeting-1", DecisionOutcome.REJECTED, "Afvist", "Fejl"));
    }
}
