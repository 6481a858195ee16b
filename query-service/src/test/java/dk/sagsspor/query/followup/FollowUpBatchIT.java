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
import dk.sagsspor.query.projection.Polls;
import dk.sagsspor.testsupport.RealInfrastructure;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** A poll of item events written at once ({@link FollowUpBatch}) gives the tables the event-by-event path gives. */
@SpringBootTest
class FollowUpBatchIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "query");
    }

    @Autowired
    FollowUpProjection projection;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    /** An item's life with two follow-ups; each step gets the item's id and a prefix for its follow-ups' ids. */
    private static List<BiFunction<String, String, AgendaItemEvent>> life() {
        return List.of(
                (id, f) -> new AgendaItemProposed(
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
                (id, f) -> new AgendaItemRevised(
                        id,
                        "Anden",
                        "SAG-2025-00002",
                        List.of(),
                        null,
                        null,
                        null,
                        List.of(),
                        List.of("title", "caseNumber")),
                (id, f) -> new AgendaItemRevised(
                        id,
                        "Anden",
                        "SAG-2025-00002",
                        List.of("haan"),
                        null,
                        null,
                        null,
                        List.of(),
                        List.of("caseOfficers")),
                (id, f) -> new AgendaItemDecided(id, "meeting-1", DecisionOutcome.APPROVED, "Godkendt"),
                (id, f) -> new FollowUpAssigned(id, f + "a", "Send svar", LocalDate.parse("2025-05-31"), "hast", null),
                (id, f) -> new FollowUpDueDateChanged(id, f + "a", LocalDate.parse("2025-06-30"), "Udsat"),
                (id, f) -> new FollowUpAssigned(id, f + "b", "Ring", LocalDate.parse("2025-05-01"), "haan", "decision"),
                (id, f) -> new FollowUpReassigned(id, f + "a", "haan"),
                (id, f) -> new FollowUpDueDateChanged(id, f + "unknown", LocalDate.parse("2025-06-30"), "Ukendt"),
                (id, f) -> new FollowUpCancelled(id, f + "b", "Ikke nødvendigt"),
                (id, f) -> new FollowUpCompleted(id, f + "a", "Sendt"));
    }

    @Test
    void aPollWrittenInAFewStatementsGivesTheTablesTheEventByEventStatementsGive() {
        String oneByOne = UUID.randomUUID().toString();
        String atOnce = UUID.randomUUID().toString();
        var life = life();
        Instant start = Instant.parse("2025-04-11T08:00:00Z");
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < life.size(); i++) {
            times.add(start.plusSeconds(3_600L * i));
        }
        // the reassignment is dated before the change before it: versions never go back in time
        times.set(7, times.get(6).minusSeconds(7_200));
        // the item and its first follow-up exist before the poll, as in a live poll
        Polls.writeBothWays(
                transactions,
                projection,
                "AgendaItem",
                life.stream().map(step -> step.apply(oneByOne, oneByOne)).toList(),
                life.stream().map(step -> step.apply(atOnce, atOnce)).toList(),
                times,
                5);

        assertSameTables(oneByOne, atOnce);
    }

    @Test
    void aWholeLifeInOnePollGivesTheTablesOfOneByOne() {
        String oneByOne = UUID.randomUUID().toString();
        String atOnce = UUID.randomUUID().toString();
        var life = life();
        Instant start = Instant.parse("2025-09-11T08:00:00Z");
        Polls.writeBothWays(
                transactions,
                projection,
                "AgendaItem",
                life.stream().map(step -> step.apply(oneByOne, oneByOne)).toList(),
                life.stream().map(step -> step.apply(atOnce, atOnce)).toList(),
                java.util.stream.IntStream.range(0, life.size())
                        .mapToObj(start::plusSeconds)
                        .toList(),
                0);

        assertSameTables(oneByOne, atOnce);
    }

    private void assertSameTables(String oneByOne, String atOnce) {
        Polls.assertSameRows(
                jdbc,
                oneByOne,
                atOnce,
                List.of(
                        "select row_to_json(t)::jsonb - 'id' from follow_up_item t where id = ?",
                        "select row_to_json(t)::jsonb - 'id' - 'agenda_item_id' from follow_up t where agenda_item_id = ?"
                                + " order by description",
                        "select row_to_json(t)::jsonb - 'id' - 'agenda_item_id' from follow_up_history t"
                                + " where agenda_item_id = ? order by description, valid_from, modified"));
    }
}
