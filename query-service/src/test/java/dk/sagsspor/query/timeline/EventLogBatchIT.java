package dk.sagsspor.query.timeline;

import dk.sagsspor.events.SagssporEvent;
import dk.sagsspor.events.agendaitem.AgendaItemEvent;
import dk.sagsspor.query.projection.Polls;
import dk.sagsspor.testsupport.RealInfrastructure;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** A poll written at once by the event log gives the rows the event-by-event path gives. */
@SpringBootTest
class EventLogBatchIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "query");
    }

    @Autowired
    EventLogProjection projection;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aProposalItsRevisionsAndItsDecisionsInOnePollGiveTheRowsOfOneByOne() {
        String oneByOne = UUID.randomUUID().toString();
        String atOnce = UUID.randomUUID().toString();
        List<Function<String, AgendaItemEvent>> life = Polls.revisedAndDecided();
        Instant start = Instant.parse("2025-04-11T08:00:00Z");

        Polls.writeBothWays(
                transactions,
                projection,
                "AgendaItem",
                life.stream().map(step -> (SagssporEvent) step.apply(oneByOne)).toList(),
                life.stream().map(step -> (SagssporEvent) step.apply(atOnce)).toList(),
                IntStream.range(0, life.size()).mapToObj(start::plusSeconds).toList(),
                0);

        Polls.assertSameRows(
                jdbc,
                oneByOne,
                atOnce,
                List.of(
                        "select row_to_json(t)::jsonb - 'id' from event_log_item t where id = ?",
                        "select row_to_json(t)::jsonb - 'event_id' - 'aggregate_id' - 'agenda_item_id' - 'payload'"
                                + " from event_log t"
                                + " where aggregate_id = ? order by sequence"));
    }
}
