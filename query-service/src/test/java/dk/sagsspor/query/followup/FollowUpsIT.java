package dk.sagsspor.query.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.sagsspor.events.SagssporEvent;
import dk.sagsspor.events.agendaitem.AgendaItemDecided;
import dk.sagsspor.events.agendaitem.AgendaItemProposed;
import dk.sagsspor.events.agendaitem.AgendaItemScheduled;
import dk.sagsspor.events.agendaitem.DecisionOutcome;
import dk.sagsspor.events.agendaitem.FollowUpAssigned;
import dk.sagsspor.events.agendaitem.FollowUpCompleted;
import dk.sagsspor.events.agendaitem.FollowUpDueDateChanged;
import dk.sagsspor.events.meeting.MeetingAgendaItemAdded;
import dk.sagsspor.events.meeting.MeetingScheduled;
import dk.sagsspor.events.staff.StaffMemberRegistered;
import dk.sagsspor.query.EventRecords;
import dk.sagsspor.query.projection.ProjectionProperties;
import dk.sagsspor.testsupport.Http;
import dk.sagsspor.testsupport.MutableClock;
import dk.sagsspor.testsupport.RandomLetters;
import dk.sagsspor.testsupport.RealInfrastructure;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Follow-ups of decided items: the deadlines view on a controlled day, and the outstanding list that includes them. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sagsspor.projection.retry-attempts=1", "sagsspor.projection.retry-interval=50ms"})
class FollowUpsIT {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    /** 10:00 on 24 May 2025 in Denmark. */
    static final Instant TODAY = Instant.parse("2025-05-24T08:00:00Z");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "query");
    }

    @TestConfiguration
    static class ControlledTime {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(TODAY);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    ProjectionProperties properties;

    @Autowired
    MutableClock clock;

    final Map<String, Long> sequences = new HashMap<>();
    final String committee = "KKR Opfølgning " + UUID.randomUUID();
    final String item = UUID.randomUUID().toString();
    final String meeting = UUID.randomUUID().toString();
    final String report = UUID.randomUUID().toString();
    final String hearing = UUID.randomUUID().toString();
    final String done = UUID.randomUUID().toString();
    final String closedItem = UUID.randomUUID().toString();
    final String confidential = UUID.randomUUID().toString();
    final String initials = "t" + RandomLetters.of(5);

    @BeforeEach
    void aDecidedItemWithThreeFollowUps() {
        clock.set(TODAY);
        send(new StaffMemberRegistered(initials, "Hanne Stougaard", initials + "@kl.dk"));
        send(new MeetingScheduled(
                meeting,
                committee,
                Instant.parse("2025-04-11T08:00:00Z"),
                Instant.parse("2025-04-11T10:00:00Z"),
                "Aalborg Rådhus"));
        send(new AgendaItemProposed(
                item, committee, "Socialtilsynet", "SAG-2025-00681", List.of("haan"), null, null, null, null, false));
        send(new AgendaItemScheduled(item, meeting));
        send(new MeetingAgendaItemAdded(meeting, item, "3.1", "Regionalpolitiske sager", false));
        send(new AgendaItemDecided(item, meeting, DecisionOutcome.APPROVED, "Afrapportering senest den 31. maj 2025."));
        send(new FollowUpAssigned(
                item,
                report,
                "Afrapportering til styrelsen",
                LocalDate.of(2025, 5, 31),
                initials,
                "senest den 31. maj"));
        send(new FollowUpAssigned(item, hearing, "Høringssvar", LocalDate.of(2025, 5, 20), initials, null));
        send(new FollowUpAssigned(item, done, "Orientér regionen", LocalDate.of(2025, 6, 30), initials, null));
        send(new FollowUpCompleted(item, done, "Sendt"));
        send(new AgendaItemProposed(
                closedItem, committee, "Personalesag", null, List.of("haan"), null, null, null, null, true));
        send(new AgendaItemScheduled(closedItem, meeting));
        send(new MeetingAgendaItemAdded(meeting, closedItem, "5.1", "Lukkede punkter", false));
        send(new AgendaItemDecided(closedItem, meeting, DecisionOutcome.APPROVED, "Godkendt."));
        send(new FollowUpAssigned(
                closedItem, confidential, "Svar til medarbejderen", LocalDate.of(2025, 6, 2), initials, null));
        await().atMost(PATIENCE)
                .until(() -> Http.json(http().get("/api/follow-ups/" + done))
                                .path("state")
                                .asString()
                                .equals("done")
                        && http().get("/api/follow-ups/" + confidential).statusCode() == 200
                        // the staff member's events are on a partition of their own: applied in any order
                        && http().get("/api/staff/" + initials).statusCode() == 200);
    }

    @Test
    void theDeadlinesViewShowsEachFollowUpsStateOnTheDay() {
        JsonNode open = Http.json(http().get("/api/follow-ups?assignee=" + initials));
        JsonNode all = Http.json(http().get("/api/follow-ups?assignee=" + initials
                + "&state=open&state=due-soon&state=overdue&state=done&state=cancelled"));

        assertThat(open.path("data").findValuesAsString("id")).containsExactly(hearing, report, confidential);
        assertThat(open.path("data").findValuesAsString("state")).containsExactly("overdue", "due-soon", "open");
        assertThat(open.path("data").get(0).path("daysLeft").asLong()).isEqualTo(-4);
        assertThat(open.path("data").get(1).path("assigneeName").asString()).isEqualTo("Hanne Stougaard");
        assertThat(open.path("data").get(1).path("name").asString()).isEqualTo("Socialtilsynet");
        assertThat(open.path("data").get(1).path("committee").asString()).isEqualTo(committee);
        assertThat(open.path("data").get(1).path("source").asString()).isEqualTo("senest den 31. maj");
        assertThat(all.path("data").findValuesAsString("state")).containsExactly("overdue", "due-soon", "open", "done");
    }

    @Test
    void filtersByCommitteeAndWindow() {
        String base = "/api/follow-ups?committee=" + URLEncoder.encode(committee, StandardCharsets.UTF_8);

        assertThat(Http.json(http().get(base + "&from=2025-05-25&to=2025-05-31"))
                        .path("data")
                        .findValuesAsString("id"))
                .containsExactly(report);
        assertThat(Http.json(http().get(base + "&state=done")).path("data").findValuesAsString("id"))
                .containsExactly(done);
        assertThat(http().get(base + "&state=forgotten").statusCode()).isEqualTo(400);
        assertThat(http().get("/api/follow-ups/" + UUID.randomUUID()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aMovedDueDateChangesTheStateAndADecidedItemWithOpenFollowUpsIsOutstanding() {
        send(new FollowUpDueDateChanged(item, hearing, LocalDate.of(2025, 8, 1), "Fristen er forlænget"));
        JsonNode moved = Http.json(await().atMost(PATIENCE)
                .until(
                        () -> http().get("/api/follow-ups/" + hearing),
                        r -> Http.json(r).path("state").asString().equals("open")));

        assertThat(moved.path("dueDate").asString()).isEqualTo("2025-08-01");
        // the agenda-items projection is a consumer of its own: it may not have applied the decision yet
        JsonNode outstanding = Http.json(await().atMost(PATIENCE)
                .until(
                        () -> http().get("/api/agenda-items/outstanding?committee="
                                + URLEncoder.encode(committee, StandardCharsets.UTF_8)),
                        r -> Http.json(r).path("data").size() == 2));
        assertThat(outstanding.path("data").findValuesAsString("id")).containsExactlyInAnyOrder(item, closedItem);
        JsonNode row = outstanding
                .path("data")
                .valueStream()
                .filter(r -> r.path("id").asString().equals(item))
                .findFirst()
                .orElseThrow();
        assertThat(row.path("status").asString()).isEqualTo("DECIDED");
        assertThat(row.path("openFollowUps").asInt()).isEqualTo(2);
        assertThat(Http.json(http().get("/api/agenda-items/" + item + "/timeline"))
                        .path("data")
                        .findValuesAsString("summary"))
                .contains("Follow-up due date moved to 2025-08-01: Fristen er forlænget");
    }

    @Test
    void aSuggestionStaysFollowedUpWhenItsFollowUpsDueDateIsMoved() {
        send(new FollowUpDueDateChanged(item, report, LocalDate.of(2025, 6, 15), "Styrelsen gav henstand"));
        await().atMost(PATIENCE)
                .until(() -> Http.json(http().get("/api/follow-ups/" + report))
                        .path("dueDate")
                        .asString()
                        .equals("2025-06-15"));

        JsonNode suggestions = Http.json(http().get("/api/agenda-items/" + item + "/deadline-suggestions"));

        assertThat(suggestions.get(0).path("dueDate").asString()).isEqualTo("2025-05-31");
        assertThat(suggestions.get(0).path("followedUp").asBoolean())
                .as("the deadline is followed up, only later than the text said")
                .isTrue();
    }

    @Test
    void suggestsTheDeadlinesInTheDecisionTextAndTellsWhichAreFollowedUp() {
        JsonNode suggestions = Http.json(await().atMost(PATIENCE)
                .until(
                        () -> http().get("/api/agenda-items/" + item + "/deadline-suggestions"),
                        r -> r.statusCode() == 200 && Http.json(r).size() == 1));

        assertThat(suggestions.get(0).path("dueDate").asString()).isEqualTo("2025-05-31");
        assertThat(suggestions.get(0).path("part").asString()).isEqualTo("decision");
        assertThat(suggestions.get(0).path("quote").asString()).isEqualTo("Afrapportering senest den 31. maj 2025.");
        assertThat(suggestions.get(0).path("followedUp").asBoolean()).isTrue();
        assertThat(http().get("/api/agenda-items/" + UUID.randomUUID() + "/deadline-suggestions")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void theCommitteeFeedHasItsMeetingsAndDeadlinesUnderUidsThatStay() throws Exception {
        String path = "/api/calendars/committees/"
                + URLEncoder.encode(committee, StandardCharsets.UTF_8).replace("+", "%20") + ".ics";
        HttpResponse<String> response = http().as("reader").get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/calendar"));

        Calendar feed = new CalendarBuilder().build(new StringReader(response.body()));

        Map<String, VEvent> entries = byUid(feed);
        assertThat(entries.keySet())
                .containsExactlyInAnyOrder(
                        "meeting-" + meeting + "@sagsspor.dk",
                        "follow-up-" + report + "@sagsspor.dk",
                        "follow-up-" + hearing + "@sagsspor.dk",
                        "follow-up-" + done + "@sagsspor.dk");
        VEvent theMeeting = entries.get("meeting-" + meeting + "@sagsspor.dk");
        assertThat(value(theMeeting, "SUMMARY")).isEqualTo("Møde i " + committee);
        assertThat(value(theMeeting, "LOCATION")).isEqualTo("Aalborg Rådhus");
        assertThat(value(theMeeting, "DTSTART")).isEqualTo("20250411T080000Z");
        assertThat(value(theMeeting, "DESCRIPTION"))
                .contains("Dagsorden:\n3.1 Socialtilsynet")
                .doesNotContain("Personalesag");
        VEvent theReport = entries.get("follow-up-" + report + "@sagsspor.dk");
        assertThat(value(theReport, "SUMMARY")).isEqualTo("Frist: Afrapportering til styrelsen");
        assertThat(value(theReport, "DTSTART")).isEqualTo("20250531");
        assertThat(value(theReport, "DESCRIPTION")).contains("Ansvarlig: Hanne Stougaard (" + initials + ")");
        assertThat(value(entries.get("follow-up-" + done + "@sagsspor.dk"), "SUMMARY"))
                .isEqualTo("Udført: Orientér regionen");
        assertThat(entries.values())
                .allSatisfy(entry -> assertThat(entry.<Property>getProperties("DTSTAMP").stream()
                                .map(Property::getValue))
                        .as("one DTSTAMP, the last change")
                        .containsExactly(value(entry, "LAST-MODIFIED")));
        Thread.sleep(1100);
        assertThat(http().as("reader").get(path).body())
                .as("regenerated unchanged")
                .isEqualTo(response.body());
        assertThat(http().get(path).body())
                .as("a secretary of every committee sees the closed item")
                .contains("follow-up-" + confidential + "@sagsspor.dk", "5.1 Personalesag");

        send(new FollowUpDueDateChanged(item, report, LocalDate.of(2025, 6, 13), "Udsat"));
        VEvent moved = await().atMost(PATIENCE)
                .until(
                        () -> byUid(new CalendarBuilder()
                                        .build(new StringReader(http().get(path).body())))
                                .get("follow-up-" + report + "@sagsspor.dk"),
                        entry -> value(entry, "DTSTART").equals("20250613"));
        assertThat(value(moved, "SEQUENCE")).isEqualTo("1");
        assertThat(http().get("/api/calendars/committees/KKR%20Ingenting.ics").statusCode())
                .isEqualTo(404);
    }

    @Test
    void aStaffMembersFeedHasTheirDeadlinesAndAClosedItemOnlyForThoseWhoMaySeeIt() throws Exception {
        String path = "/api/calendars/staff/" + initials + ".ics";
        HttpResponse<String> response = http().as("reader").get(path);
        assertThat(response.statusCode()).isEqualTo(200);

        Map<String, VEvent> entries = byUid(new CalendarBuilder().build(new StringReader(response.body())));
        Map<String, VEvent> secretarys = byUid(
                new CalendarBuilder().build(new StringReader(http().get(path).body())));

        assertThat(entries.keySet())
                .containsExactlyInAnyOrder(
                        "follow-up-" + report + "@sagsspor.dk",
                        "follow-up-" + hearing + "@sagsspor.dk",
                        "follow-up-" + done + "@sagsspor.dk");
        assertThat(response.body()).doesNotContain("Personalesag", "Svar til medarbejderen");
        assertThat(value(secretarys.get("follow-up-" + confidential + "@sagsspor.dk"), "DESCRIPTION"))
                .contains("Dagsordenspunkt: Personalesag");
        assertThat(http().get("/api/calendars/staff/nobody.ics").statusCode()).isEqualTo(404);
    }

    private static Map<String, VEvent> byUid(Calendar feed) {
        Map<String, VEvent> entries = new HashMap<>();
        for (VEvent event : feed.<VEvent>getComponents("VEVENT")) {
            entries.put(value(event, "UID"), event);
        }
        return entries;
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }

    private void send(SagssporEvent event) {
        long sequence = sequences.merge(event.aggregateId(), 1L, Long::sum) - 1;
        kafka.send(EventRecords.record(properties.topic(), event, sequence)).join();
    }

    private Http http() {
        return Http.localhost(port);
    }
}
