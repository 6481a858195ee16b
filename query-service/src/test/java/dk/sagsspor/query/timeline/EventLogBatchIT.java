package dk.sagsspor.query.timeline;

import dk.sagsspor.events.agendaitem.AgendaItemEvent;
import dk.sagsspor.query.projection.PollEquivalence;
import dk.sagsspor.query.projection.Polls;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A poll written at once by the event log gives the rows the event-by-event path gives. */
class EventLogBatchIT extends PollEquivalence {

    @Autowired
    EventLogProjection projection;

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
                        "select row_to_json(t)::jsonb - 'id' from event_log_item t where id = ?",
                        "select row_to_json(t)::jsonb - 'event_id' - 'aggregate_id' - 'agenda_item_id' - 'payload'"
                                + " from event_log t"
                                + " where aggregate_id = ? order by sequence"));
    }
}
