package dk.sagsspor.query.decisions;

import dk.sagsspor.events.agendaitem.AgendaItemEvent;
import dk.sagsspor.query.projection.PollEquivalence;
import dk.sagsspor.query.projection.Polls;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A poll written at once by the decision register gives the rows the event-by-event path gives. */
class DecisionRegisterBatchIT extends PollEquivalence {

    @Autowired
    DecisionRegisterProjection projection;

    @Test
    void aProposalItsRevisionsAndItsDecisionsInOnePollGiveTheRowsOfOneByOne() {
        List<Function<String, AgendaItemEvent>> life = Polls.revisedAndDecided();
        Instant start = Instant.parse("2025-04-11T08:00:00Z");

        assertSameRowsBothWays(
                projection,
                "AgendaItem",
                life,
                IntStream.range(0, life.size()).mapToObj(start::plusSeconds).toList(),
                0,
                List.of(
                        "select row_to_json(t)::jsonb - 'id' from decision_item t where id = ?",
                        "select row_to_json(t)::jsonb - 'event_id' - 'agenda_item_id' from decision t where agenda_item_id = ?"
                                + " order by decided_at"));
    }
}
