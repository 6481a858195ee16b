package dk.sagsspor.query.followup;

import dk.sagsspor.events.agendaitem.AgendaItemDecided;
import dk.sagsspor.events.agendaitem.AgendaItemEvent;
import dk.sagsspor.events.agendaitem.AgendaItemProposed;
import dk.sagsspor.events.agendaitem.AgendaItemRevised;
import dk.sagsspor.events.agendaitem.DecisionOutcome;
import dk.sagsspor.events.agendaitem.FollowUpAssigned;
import dk.sagsspor.events.agendaitem.FollowUpCancelled;
import dk.sagsspor.events.agendaitem.FollowUpCompleted;
import dk.sagsspor.events.agendaitem.FollowUpDueDateChanged;
import dk.sagsspor.events.agendaitem.FollowUpReassigned;
import dk.sagsspor.query.projection.PollEquivalence;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A poll of item events written at once ({@link FollowUpBatch}) gives the tables the event-by-event path gives. */
class FollowUpBatchIT extends PollEquivalence {

    @Autowired
    FollowUpProjection projection;

    /** An item's life with two follow-ups; each step gets the item's id, which its follow-ups' ids begin with. */
    private static List<Function<String, AgendaItemEvent>> life() {
        return List.of(
                id -> new AgendaItemProposed(
                        id,
                        "KKR Batch",
                        "Først",
                        "SAG-2025-00001",
                        List.of("hast"),
                        null,
                        null,
                        null,
                        List.of(),
                        false),
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
                        "Anden",
                        "SAG-2025-00002",
                        List.of("haan"),
                        null,
                        null,
                        null,
                        List.of(),
                        List.of("caseOfficers")),
                id -> new AgendaItemDecided(id, "meeting-1", DecisionOutcome.APPROVED, "Godkendt"),
                id -> new FollowUpAssigned(id, id + "a", "Send svar", LocalDate.parse("2025-05-31"), "hast", null),
                id -> new FollowUpDueDateChanged(id, id + "a", LocalDate.parse("2025-06-30"), "Udsat"),
                id -> new FollowUpAssigned(id, id + "b", "Ring", LocalDate.parse("2025-05-01"), "haan", "decision"),
                id -> new FollowUpReassigned(id, id + "a", "haan"),
                id -> new FollowUpDueDateChanged(id, id + "unknown", LocalDate.parse("2025-06-30"), "Ukendt"),
                id -> new FollowUpCancelled(id, id + "b", "Ikke nødvendigt"),
                id -> new FollowUpCompleted(id, id + "a", "Sendt"));
    }

    @Test
    void aPollWrittenInAFewStatementsGivesTheTablesTheEventByEventStatementsGive() {
        var life = life();
        Instant start = Instant.parse("2025-04-11T08:00:00Z");
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < life.size(); i++) {
            times.add(start.plusSeconds(3_600L * i));
        }
        // the reassignment is dated before the change before it: versions never go back in time
        times.set(7, times.get(6).minusSeconds(7_200));
        // the item and its first follow-up exist before the poll, as in a live poll
        assertSameRowsBothWays(projection, "AgendaItem", life, times, 5, TABLES);
    }

    @Test
    void aWholeLifeInOnePollGivesTheTablesOfOneByOne() {
        var life = life();
        Instant start = Instant.parse("2025-09-11T08:00:00Z");
        assertSameRowsBothWays(
                projection,
                "AgendaItem",
                life,
                java.util.stream.IntStream.range(0, life.size())
                        .mapToObj(start::plusSeconds)
                        .toList(),
                0,
                TABLES);
    }

    /** The follow-ups' tables of an item, with its follow-ups, in order. */
    private static final List<String> TABLES = List.of(
            "select row_to_json(t)::jsonb - 'id' from follow_up_item t where id = ?",
            "select row_to_json(t)::jsonb - 'id' - 'agenda_item_id' from follow_up t where agenda_item_id = ?"
                    + " order by description",
            "select row_to_json(t)::jsonb - 'id' - 'agenda_item_id' from follow_up_history t"
                    + " where agenda_item_id = ? order by description, valid_from, modified");
}
