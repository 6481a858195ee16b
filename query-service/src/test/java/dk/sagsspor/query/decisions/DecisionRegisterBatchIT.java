package dk.sagsspor.query.decisions;

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

/** A poll written at once by the decision register gives the rows the event-by-event path gives. */
@SpringBootTest
class DecisionRegisterBatchIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "query");
    }

    @Autowired
    DecisionRegisterProjection projection;

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
                life.stream().map(step -> step.apply(oneByOne)).toList(),
                life.stream().map(step -> step.apply(atOnce)).toList(),
                IntStream.range(0, life.size()).mapToObj(start::plusSeconds).toList(),
                0);

        Polls.assertSameRows(
                jdbc,
                oneByOne,
                atOnce,
                List.of(
                        "select row_to_json(t)::jsonb - 'id' from decision_item t where id = ?",
                        "select row_to_json(t)::jsonb - 'event_id' - 'agenda_item_id' from decision t where agenda_item_id = ?"
                                + " order by decided_at"));
    }
}
