package dk.sagsspor.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dk.sagsspor.events.EventCatalog;
import dk.sagsspor.events.SagssporEvent;
import dk.sagsspor.events.agendaitem.AgendaItemDecided;
import dk.sagsspor.events.agendaitem.AgendaItemDecisionCorrected;
import dk.sagsspor.events.agendaitem.AgendaItemDeferred;
import dk.sagsspor.events.agendaitem.AgendaItemDiscussed;
import dk.sagsspor.events.agendaitem.AgendaItemProposed;
import dk.sagsspor.events.agendaitem.AgendaItemRevised;
import dk.sagsspor.events.agendaitem.AgendaItemScheduled;
import dk.sagsspor.events.agendaitem.AgendaItemUnscheduled;
import dk.sagsspor.events.agendaitem.AgendaItemWithdrawn;
import dk.sagsspor.events.agendaitem.DecisionOutcome;
import dk.sagsspor.events.agendaitem.FollowUpAssigned;
import dk.sagsspor.events.agendaitem.FollowUpCancelled;
import dk.sagsspor.events.agendaitem.FollowUpCompleted;
import dk.sagsspor.events.agendaitem.FollowUpDueDateChanged;
import dk.sagsspor.events.agendaitem.FollowUpReassigned;
import dk.sagsspor.events.meeting.AgendaEntry;
import dk.sagsspor.events.meeting.MeetingAgendaItemAdded;
import dk.sagsspor.events.meeting.MeetingAgendaItemRemoved;
import dk.sagsspor.events.meeting.MeetingAgendaItemRenumbered;
import dk.sagsspor.events.meeting.MeetingAgendaPublished;
import dk.sagsspor.events.meeting.MeetingAgendaReordered;
import dk.sagsspor.events.meeting.MeetingCancelled;
import dk.sagsspor.events.meeting.MeetingClosed;
import dk.sagsspor.events.meeting.MeetingMinutesApproved;
import dk.sagsspor.events.meeting.MeetingNextAgendaPromised;
import dk.sagsspor.events.meeting.MeetingOpened;
import dk.sagsspor.events.meeting.MeetingRescheduled;
import dk.sagsspor.events.meeting.MeetingScheduled;
import dk.sagsspor.events.meeting.MeetingUndertakingReviewed;
import dk.sagsspor.events.staff.StaffMemberChanged;
import dk.sagsspor.events.staff.StaffMemberRegistered;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every event of the catalogue, walked through every consumer the read side has: each projection bean applies lives
 * that hold every event type between them, event by event and as a live poll delivers them, and both ways give the
 * same rows in all of its tables; the event catalogue in the docs names every type. A new event type fails here until
 * it is in a life below — and so walked through every projection — and in the docs (in an existing aggregate it
 * already fails to compile where a projection's switch does not handle it).
 */
class CatalogueWalkIT extends PollEquivalence {

    static final String COMMITTEE = "KKR Katalog";
    static final String MEETING_1 = "walk-meeting-1";
    static final String MEETING_2 = "walk-meeting-2";
    static final String ITEM_1 = "walk-item-1";
    static final String ITEM_2 = "walk-item-2";
    static final String ITEM_3 = "walk-item-3";
    static final Instant START = Instant.parse("2025-06-12T08:00:00Z");

    @Autowired
    List<Projection<?>> projections;

    /** An aggregate's life: each step gets the aggregate's id. */
    record Life(String name, String aggregateType, List<Function<String, SagssporEvent>> steps) {}

    static final List<Life> LIVES = List.of(
            new Life(
                    "an item deferred, decided, corrected and followed up",
                    "AgendaItem",
                    List.of(
                            id -> new AgendaItemProposed(
                                    id,
                                    COMMITTEE,
                                    "Afrapportering om boligsocial indsats",
                                    "SAG-2025-00042",
                                    List.of("hast"),
                                    "Baggrund",
                                    "Indstilling",
                                    null,
                                    List.of("bilag.pdf"),
                                    false),
                            id -> new AgendaItemRevised(
                                    id,
                                    "Afrapportering om den boligsociale indsats",
                                    "SAG-2025-00042",
                                    List.of("hast", "haan"),
                                    "Baggrund",
                                    "Indstilling",
                                    null,
                                    List.of("bilag.pdf"),
                                    List.of("title", "caseOfficers")),
                            id -> new AgendaItemScheduled(id, MEETING_1),
                            id -> new AgendaItemUnscheduled(id, MEETING_1),
                            id -> new AgendaItemScheduled(id, MEETING_1),
                            id -> new AgendaItemDiscussed(id, MEETING_1, "Drøftet"),
                            id -> new AgendaItemDeferred(id, MEETING_1, "Bilag mangler", MEETING_2, false, false),
                            id -> new AgendaItemDecided(
                                    id,
                                    MEETING_2,
                                    DecisionOutcome.APPROVED,
                                    "Godkendt; afrapporteringen sendes senest den 31. maj 2025."),
                            id -> new AgendaItemDecisionCorrected(
                                    id,
                                    MEETING_2,
                                    DecisionOutcome.APPROVED_WITH_CHANGES,
                                    "Godkendt med ændringer",
                                    "Fejl"),
                            id -> new FollowUpAssigned(
                                    id,
                                    id + "-f1",
                                    "Send afrapporteringen",
                                    LocalDate.of(2025, 5, 31),
                                    "hast",
                                    "senest"),
                            id -> new FollowUpReassigned(id, id + "-f1", "haan"),
                            id -> new FollowUpDueDateChanged(id, id + "-f1", LocalDate.of(2025, 6, 15), "Udsat"),
                            id -> new FollowUpCompleted(id, id + "-f1", "Sendt"),
                            id -> new FollowUpAssigned(
                                    id, id + "-f2", "Orientér kommunerne", LocalDate.of(2025, 9, 1), "hast", null),
                            id -> new FollowUpCancelled(id, id + "-f2", "Ikke længere nødvendigt"))),
            new Life(
                    "a closed item withdrawn",
                    "AgendaItem",
                    List.of(
                            id -> new AgendaItemProposed(
                                    id,
                                    COMMITTEE,
                                    "Personsag",
                                    "SAG-2025-00043",
                                    List.of("haan"),
                                    null,
                                    null,
                                    null,
                                    List.of(),
                                    true),
                            id -> new AgendaItemScheduled(id, MEETING_1),
                            id -> new AgendaItemWithdrawn(id, MEETING_1, "Trukket af forvaltningen"))),
            new Life(
                    "a meeting held",
                    "Meeting",
                    List.of(
                            id -> new MeetingScheduled(
                                    id, COMMITTEE, START, START.plusSeconds(7200), "Rådhuset", false),
                            id -> new MeetingRescheduled(
                                    id,
                                    START.plusSeconds(3600),
                                    START.plusSeconds(10_800),
                                    "Byrådssalen",
                                    "Lokalet er optaget"),
                            id -> new MeetingAgendaItemAdded(id, ITEM_1, "1", "Beslutningssager", false),
                            id -> new MeetingAgendaItemAdded(id, ITEM_2, "2", "Beslutningssager", false),
                            id -> new MeetingAgendaReordered(id, List.of(ITEM_2, ITEM_1), false),
                            id -> new MeetingAgendaItemRenumbered(id, ITEM_1, "2.1", "Orienteringssager", false),
                            id -> new MeetingAgendaPublished(
                                    id,
                                    List.of(
                                            new AgendaEntry(ITEM_2, "1", "Beslutningssager"),
                                            new AgendaEntry(ITEM_1, "2.1", "Orienteringssager"))),
                            id -> new MeetingAgendaItemAdded(id, ITEM_3, "3", "Beslutningssager", true),
                            id -> new MeetingAgendaItemRemoved(id, ITEM_3, true),
                            id -> new MeetingOpened(id),
                            id -> new MeetingClosed(id, List.of(ITEM_2, ITEM_1)),
                            id -> new MeetingUndertakingReviewed(
                                    id,
                                    ITEM_1,
                                    "En opdatering ønskes på næste møde.",
                                    true,
                                    "Opdatering på sundhedsreformen"),
                            id -> new MeetingUndertakingReviewed(
                                    id, ITEM_2, "Sagen genoptages, når analysen foreligger.", false, null),
                            id -> new MeetingMinutesApproved(id, List.of("Punkt 2.1: stavefejl rettet")),
                            id -> new MeetingNextAgendaPromised(id, LocalDate.of(2025, 9, 4), List.of(ITEM_1)))),
            new Life(
                    "a meeting cancelled",
                    "Meeting",
                    List.of(
                            id -> new MeetingScheduled(id, COMMITTEE, START, START.plusSeconds(7200), null, true),
                            id -> new MeetingAgendaItemAdded(id, ITEM_1, "1", "Beslutningssager", false),
                            id -> new MeetingCancelled(id, "Ingen sager", List.of(ITEM_1)))),
            new Life(
                    "a member of staff registered and changed",
                    "StaffMember",
                    List.of(
                            id -> new StaffMemberRegistered(id, "Hanne Stær", "hast@kl.dk"),
                            id -> new StaffMemberChanged(id, "Hanne Stær Nielsen", "hasn@kl.dk"))));

    @Test
    void theLivesHoldEveryEventOfTheCatalogue() {
        Set<Class<?>> walked = new HashSet<>();
        for (Life life : LIVES) {
            life.steps().forEach(step -> walked.add(step.apply("x").getClass()));
        }
        assertThat(walked)
                .as("event types in no life of this walk")
                .containsAll(EventCatalog.all().values());
    }

    @Test
    void theEventCatalogueInTheDocsNamesEveryEvent() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "events.md"));
        assertThat(EventCatalog.all().keySet())
                .allSatisfy(
                        name -> assertThat(docs).as(name + " in docs/events.md").containsPattern("\\b" + name + "\\b"));
    }

    @Test
    void everyProjectionAppliesEveryLifeAlikeEventByEventAndAsOnePoll() {
        assertThat(projections).hasSizeGreaterThanOrEqualTo(6);
        for (Projection<?> projection : projections) {
            int rows = 0;
            for (Life life : LIVES) {
                if (!appliesTo(projection, life)) {
                    continue;
                }
                for (int firstOfPoll : List.of(0, 1)) {
                    rows += walkBothWays(projection, life, firstOfPoll);
                }
            }
            assertThat(rows).as(projection.name() + " kept nothing of any life").isPositive();
        }
    }

    private static boolean appliesTo(Projection<?> projection, Life life) {
        return life.steps().stream()
                .map(step -> step.apply("x"))
                .allMatch(event -> projection.eventType().isInstance(event));
    }

    /**
     * Writes the life of one aggregate event by event and of another as a live consumer would, then compares every row
     * of the projection's tables that names either aggregate (its id read as a placeholder); answers how many.
     */
    @SuppressWarnings("unchecked")
    private <E extends SagssporEvent> int walkBothWays(Projection<?> untyped, Life life, int firstOfPoll) {
        Projection<E> projection = (Projection<E>) untyped;
        String oneByOne = UUID.randomUUID().toString();
        String atOnce = UUID.randomUUID().toString();
        List<Instant> times = IntStream.range(0, life.steps().size())
                .mapToObj(i -> START.minusSeconds(86_400L * (life.steps().size() - i)))
                .toList();
        Polls.<E>writeBothWays(
                transactions,
                projection,
                life.aggregateType(),
                life.steps().stream().map(step -> (E) step.apply(oneByOne)).toList(),
                life.steps().stream().map(step -> (E) step.apply(atOnce)).toList(),
                times,
                firstOfPoll);
        List<String> eventByEvent = rows(projection, oneByOne);
        assertThat(rows(projection, atOnce))
                .as("%s: %s, a poll from event %d", projection.name(), life.name(), firstOfPoll)
                .isEqualTo(eventByEvent);
        return eventByEvent.size();
    }

    /**
     * Every row of the projection's tables that names the aggregate, as JSON with the id as a placeholder and without
     * the event id (each write of an event gets a new one), sorted.
     */
    private List<String> rows(Projection<?> projection, String aggregateId) {
        List<String> rows = new ArrayList<>();
        for (String table : projection.tables()) {
            jdbc.sql("select to_jsonb(t) - 'event_id' from " + table + " t where strpos(to_jsonb(t)::text, ?) > 0")
                    .param(aggregateId)
                    .query(String.class)
                    .list()
                    .forEach(row -> rows.add(table + " " + row.replace(aggregateId, "<id>")));
        }
        return rows.stream().sorted().toList();
    }
}
