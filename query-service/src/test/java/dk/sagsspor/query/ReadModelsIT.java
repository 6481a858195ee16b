package dk.sagsspor.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.sagsspor.events.SagssporEvent;
import dk.sagsspor.events.agendaitem.AgendaItemDecided;
import dk.sagsspor.events.agendaitem.AgendaItemDecisionCorrected;
import dk.sagsspor.events.agendaitem.AgendaItemDeferred;
import dk.sagsspor.events.agendaitem.AgendaItemProposed;
import dk.sagsspor.events.agendaitem.AgendaItemScheduled;
import dk.sagsspor.events.agendaitem.DecisionOutcome;
import dk.sagsspor.events.meeting.MeetingAgendaItemAdded;
import dk.sagsspor.events.meeting.MeetingAgendaPublished;
import dk.sagsspor.events.meeting.MeetingAgendaReordered;
import dk.sagsspor.events.meeting.MeetingClosed;
import dk.sagsspor.events.meeting.MeetingMinutesApproved;
import dk.sagsspor.events.meeting.MeetingOpened;
import dk.sagsspor.events.meeting.MeetingScheduled;
import dk.sagsspor.query.projection.ProjectionProperties;
import dk.sagsspor.testsupport.Http;
import dk.sagsspor.testsupport.RealInfrastructure;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Meetings with their agendas, timelines and the decision register, fed from real Kafka. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sagsspor.projection.retry-attempts=1", "sagsspor.projection.retry-interval=50ms"})
class ReadModelsIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "query");
    }

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final Instant MEETING_START = Instant.parse("2025-04-11T08:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    ProjectionProperties properties;

    final Map<String, Long> sequences = new HashMap<>();
    String committee;
    String meeting;
    String minutes;
    String orientation;

    @BeforeEach
    void aMeetingWithTwoItemsOneDecidedAndCorrected() {
        committee = "KKR Test " + UUID.randomUUID();
        meeting = UUID.randomUUID().toString();
        minutes = UUID.randomUUID().toString();
        orientation = UUID.randomUUID().toString();
        send(new MeetingScheduled(
                meeting, committee, MEETING_START, MEETING_START.plusSeconds(7200), "Aalborg Rådhus"));
        send(proposal(minutes, "Godkendelse af referat", "SAG-2025-00681"));
        send(proposal(orientation, "Orientering om erhvervsfremmestrategien", "SAG-2025-00999"));
        send(new AgendaItemScheduled(minutes, meeting));
        send(new MeetingAgendaItemAdded(meeting, minutes, "1.1", "Godkendelse af referat", false));
        send(new AgendaItemScheduled(orientation, meeting));
        send(new MeetingAgendaItemAdded(meeting, orientation, "3.1", "Regionalpolitiske sager", false));
        send(new MeetingAgendaPublished(meeting, List.of()));
        send(new MeetingAgendaReordered(meeting, List.of(orientation, minutes), true));
        send(new MeetingOpened(meeting));
        send(new AgendaItemDecided(minutes, meeting, DecisionOutcome.APPROVED, "Referatet blev godkendt."));
        send(new AgendaItemDecisionCorrected(
                minutes, meeting, DecisionOutcome.APPROVED_WITH_CHANGES, "Godkendt med rettelse.", "Stavefejl"));
    }

    @Test
    void servesAMeetingWithItsAgendaInOrder() {
        JsonNode view = Http.json(await().atMost(PATIENCE)
                .until(
                        () -> http().get("/api/meetings/" + meeting),
                        r -> r.statusCode() == 200
                                && Http.json(r).path("version").asLong() == 5));

        assertThat(view.path("meetingState").asString()).isEqualTo("open");
        assertThat(view.path("cancelled").asBoolean()).isFalse();
        assertThat(view.path("start").asString()).isEqualTo("2025-04-11T10:00:00+02:00");
        assertThat(view.path("agendaPublished").asBoolean()).isTrue();
        JsonNode agenda = view.path("agendaItem");
        assertThat(agenda.size()).isEqualTo(2);
        assertThat(agenda.get(0).path("number").asString()).isEqualTo("3.1");
        assertThat(agenda.get(0).path("order").asInt()).isEqualTo(1);
        assertThat(agenda.get(0).path("name").asString()).isEqualTo("Orientering om erhvervsfremmestrategien");
        assertThat(agenda.get(1).path("number").asString()).isEqualTo("1.1");
        assertThat(agenda.get(1).path("section").asString()).isEqualTo("Godkendelse af referat");
    }

    @Test
    void servesAMeetingWhoseMinutesStateNoPlaceWithoutOne() {
        String imported = UUID.randomUUID().toString();
        send(new MeetingScheduled(imported, committee, MEETING_START.plusSeconds(86_400), null, null));

        JsonNode view = Http.json(await().atMost(PATIENCE)
                .until(() -> http().get("/api/meetings/" + imported), r -> r.statusCode() == 200));

        assertThat(view.path("location").isNull()).isTrue();
        String calendar = http().get(
                        "/api/calendars/committees/" + encoded(committee).replace("+", "%20") + ".ics")
                .body();
        assertThat(calendar.split("BEGIN:VEVENT", -1)).as("both meetings").hasSize(3);
        assertThat(calendar.split("LOCATION:", -1))
                .as("a place for the first only")
                .hasSize(2);
    }

    @Test
    void servesAMeetingKnownByItsDayOnlyAsAWholeDayWithoutAnInventedHour() throws Exception {
        String imported = UUID.randomUUID().toString();
        // minutes of 28 April 2023 that give no time of day: the day begins at 22:00 UTC the evening before
        send(new MeetingScheduled(imported, committee, Instant.parse("2023-04-27T22:00:00Z"), null, null, true));

        JsonNode view = Http.json(await().atMost(PATIENCE)
                .until(() -> http().get("/api/meetings/" + imported), r -> r.statusCode() == 200));

        assertThat(view.path("dayOnly").asBoolean()).isTrue();
        assertThat(view.path("start").asString()).isEqualTo("2023-04-28T00:00:00+02:00");
        assertThat(view.path("end").isNull()).isTrue();
        assertThat(Http.json(http().get("/api/meetings/" + meeting))
                        .path("dayOnly")
                        .asBoolean())
                .isFalse();
        String body = http().get(
                        "/api/calendars/committees/" + encoded(committee).replace("+", "%20") + ".ics")
                .body();
        net.fortuna.ical4j.model.component.VEvent day = new net.fortuna.ical4j.data.CalendarBuilder()
                        .build(new java.io.StringReader(body))
                        .<net.fortuna.ical4j.model.component.VEvent>getComponents("VEVENT")
                        .stream()
                        .filter(e -> e.getUid().orElseThrow().getValue().equals("meeting-" + imported + "@sagsspor.dk"))
                        .findFirst()
                        .orElseThrow();
        assertThat(day.getDateTimeStart().getDate())
                .as("a whole-day entry on the meeting's day")
                .isEqualTo(java.time.LocalDate.of(2023, 4, 28));
        assertThat(body).contains("DTSTART;VALUE=DATE:20230428");
    }

    @Test
    void refusesAPromiseFilterThatCannotBeAMeetingNamingIt() {
        // a meeting id is a UUID: anything else matched nothing and answered an empty list, as if nothing were promised
        HttpResponse<String> bad = http().get("/api/promises?meeting=not-a-uuid");

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Http.json(bad).path("errors").findValuesAsString("field")).containsExactly("meeting");
        assertThat(http().get("/api/promises?meeting=" + meeting).statusCode()).isEqualTo(200);
    }

    @Test
    void listsACommitteesMeetingsInADateRange() {
        await().atMost(PATIENCE)
                .until(() -> http().get("/api/meetings/" + meeting).statusCode() == 200);

        JsonNode inRange = Http.json(
                http().get("/api/meetings?committee=" + encoded(committee) + "&from=2025-04-11&to=2025-04-11"));
        JsonNode outOfRange =
                Http.json(http().get("/api/meetings?committee=" + encoded(committee) + "&from=2025-04-12"));

        assertThat(inRange.path("data").size()).isEqualTo(1);
        assertThat(inRange.path("data").get(0).path("id").asString()).isEqualTo(meeting);
        assertThat(inRange.path("pagination").path("totalElements").asLong()).isEqualTo(1);
        assertThat(inRange.path("links").path("first").asString()).contains("page=1");
        assertThat(outOfRange.path("data").size()).isZero();
        HttpResponse<String> bad = http().get("/api/meetings?from=yesterday");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Http.json(bad).path("errors").findValuesAsString("field")).containsExactly("from");
    }

    @Test
    void anItemsTimelineTellsEverythingThatHappenedToItInOrder() {
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(Http.json(http().get("/api/agenda-items/" + minutes + "/timeline"))
                                .path("data")
                                .findValuesAsString("type"))
                        .containsExactly(
                                "AgendaItemProposed",
                                "AgendaItemScheduled",
                                "MeetingAgendaItemAdded",
                                "AgendaItemDecided",
                                "AgendaItemDecisionCorrected"));
        JsonNode timeline = Http.json(http().get("/api/agenda-items/" + minutes + "/timeline"));

        assertThat(timeline.path("data").get(2).path("summary").asString())
                .isEqualTo("Put on the agenda as 1.1 under Godkendelse af referat");
        assertThat(timeline.path("data").get(3).path("summary").asString())
                .isEqualTo("Decided: Godkendt — Referatet blev godkendt.");
        assertThat(timeline.path("data").get(4).path("summary").asString()).contains("Stavefejl");
        assertThat(timeline.path("data").get(0).path("actor").asString()).isEqualTo("hast");
        assertThat(http().get("/api/agenda-items/" + UUID.randomUUID() + "/timeline")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void theDecisionRegisterListsDecisionsAndCorrectionsByCommitteeCaseAndPeriod() {
        JsonNode register = Http.json(await().atMost(PATIENCE)
                .until(
                        () -> http().get("/api/decisions?committee=" + encoded(committee)),
                        r -> Http.json(r).path("data").size() == 2));

        assertThat(register.path("data").findValuesAsString("kind")).containsExactly("CORRECTION", "DECISION");
        assertThat(register.path("data").get(0).path("result").asString()).isEqualTo("APPROVED_WITH_CHANGES");
        assertThat(register.path("data").get(1).path("resolutionText").asString())
                .isEqualTo("Referatet blev godkendt.");
        assertThat(register.path("data").get(1).path("reference").asString()).isEqualTo("SAG-2025-00681");
        assertThat(register.path("data").get(1).path("name").asString()).isEqualTo("Godkendelse af referat");
        assertThat(Http.json(http().get("/api/decisions?committee=" + encoded(committee) + "&reference=SAG-2025-00999"))
                        .path("data")
                        .size())
                .isZero();
        assertThat(Http.json(http().get("/api/decisions?committee=" + encoded(committee) + "&to=2020-01-01"))
                        .path("data")
                        .size())
                .isZero();
    }

    @Test
    void outstandingItemsAreTheUndecidedOnesOldestFirstWithTheirMeeting() {
        JsonNode outstanding = Http.json(await().atMost(PATIENCE)
                .until(
                        () -> http().get("/api/agenda-items/outstanding?committee=" + encoded(committee)),
                        r -> r.statusCode() == 200
                                && Http.json(r).path("data").size() == 1
                                && Http.json(http().get("/api/agenda-items/" + minutes))
                                        .path("status")
                                        .asString()
                                        .equals("DECIDED")));

        JsonNode row = outstanding.path("data").get(0);
        assertThat(row.path("id").asString()).isEqualTo(orientation);
        assertThat(row.path("status").asString()).isEqualTo("SCHEDULED");
        assertThat(row.path("meeting").asString()).isEqualTo(meeting);
        assertThat(row.path("meetingStart").asString()).isEqualTo("2025-04-11T10:00:00+02:00");
        assertThat(row.path("timesDeferred").asInt()).isZero();
        assertThat(row.path("ageDays").asLong()).isZero();
        assertThat(row.path("reference").asString()).isEqualTo("SAG-2025-00999");
    }

    @Test
    void aListWalkedByItsNextLinksGivesThePagesItsPageNumbersGive() {
        await().atMost(PATIENCE)
                .until(() -> Http.json(http().get("/api/agenda-items?committee=" + encoded(committee)))
                                .path("data")
                                .size()
                        == 2);
        String base = "/api/agenda-items?committee=" + encoded(committee) + "&pageSize=1";
        JsonNode first = Http.json(http().get(base));
        String next = first.path("links").path("next").asString();
        assertThat(next).contains("after=").contains("page=2");

        JsonNode second = Http.json(http().get(next.substring(next.indexOf("/api/"))));

        assertThat(second.path("data").findValuesAsString("id"))
                .isEqualTo(Http.json(http().get(base + "&page=2")).path("data").findValuesAsString("id"))
                .doesNotContainAnyElementsOf(first.path("data").findValuesAsString("id"))
                .hasSize(1);
        assertThat(second.path("pagination").path("currentPage").asInt()).isEqualTo(2);
        assertThat(second.path("links").has("next")).isFalse();
        HttpResponse<String> forged = http().get(base + "&after=bm90LWEtY3Vyc29y");
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("after");
    }

    @Test
    void filtersByOfficerCaseNumberAndStatus() {
        await().atMost(PATIENCE)
                .until(() -> Http.json(http().get("/api/agenda-items?committee=" + encoded(committee)))
                                .path("data")
                                .size()
                        == 2);
        String base = "/api/agenda-items?committee=" + encoded(committee);

        assertThat(Http.json(http().get(base + "&officer=haan")).path("data").size())
                .isEqualTo(2);
        assertThat(Http.json(http().get(base + "&officer=xyz")).path("data").size())
                .isZero();
        assertThat(Http.json(http().get(base + "&reference=SAG-2025-00999"))
                        .path("data")
                        .findValuesAsString("id"))
                .containsExactly(orientation);
        assertThat(Http.json(http().get(base + "&status=DECIDED&status=WITHDRAWN"))
                        .path("data")
                        .size())
                .isLessThanOrEqualTo(1);
        HttpResponse<String> bad = http().get(base + "&status=FORGOTTEN");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Http.json(bad).path("errors").findValuesAsString("field")).containsExactly("status");
    }

    @Test
    void fullTextSearchInDanishFindsCompoundsByTheirFirstPart() {
        String base = "/api/agenda-items?committee=" + encoded(committee);
        JsonNode found = Http.json(await().atMost(PATIENCE)
                .until(
                        () -> http().get(base + "&q=erhvervsfremme"),
                        r -> Http.json(r).path("data").size() == 1));

        assertThat(found.path("data").get(0).path("name").asString())
                .isEqualTo("Orientering om erhvervsfremmestrategien");
        assertThat(Http.json(http().get(base + "&q=referatet")).path("data").findValuesAsString("id"))
                .containsExactly(minutes);
        assertThat(Http.json(http().get(base + "&q=budgetforlig")).path("data").size())
                .isZero();
        assertThat(http().get(base + "&q=" + encoded("') & (")).statusCode()).isEqualTo(200);
    }

    @Test
    void showsTheCorrectionsMadeAtTheApprovalOfTheMinutesOnTheMeetingAndInItsTimeline() {
        send(new MeetingClosed(meeting, List.of()));
        send(new MeetingMinutesApproved(
                meeting, List.of("Punkt 3.1: beløbet rettet til 4,2 mio. kr.", "Punkt 1.1: stavefejl rettet")));

        JsonNode view = Http.json(await().atMost(PATIENCE)
                .until(
                        () -> http().get("/api/meetings/" + meeting),
                        r -> r.statusCode() == 200
                                && Http.json(r).path("minutesApproved").asBoolean()));

        assertThat(view.path("minutesCorrections").valueStream().map(JsonNode::asString))
                .containsExactly("Punkt 3.1: beløbet rettet til 4,2 mio. kr.", "Punkt 1.1: stavefejl rettet");
        JsonNode timeline = Http.json(await().atMost(PATIENCE)
                .until(
                        () -> http().get("/api/meetings/" + meeting + "/timeline"),
                        r -> r.body().contains("Minutes approved")));
        assertThat(timeline.path("data").findValuesAsString("summary"))
                .contains("Minutes approved with 2 corrections: Punkt 3.1: beløbet rettet til 4,2 mio. kr.; Punkt 1.1:"
                        + " stavefejl rettet");
        JsonNode putOn = timeline.path("data")
                .valueStream()
                .filter(entry -> entry.path("summary").asString().startsWith("Put on the agenda as 1.1"))
                .findFirst()
                .orElseThrow();
        assertThat(putOn.path("agendaItem").asString()).isEqualTo(minutes);
        assertThat(putOn.path("agendaItemName").asString())
                .as("the entry says which item it is about, in words")
                .isEqualTo("Godkendelse af referat");
    }

    @Test
    void listsMeetingsWithTheirAgendas() {
        JsonNode list = Http.json(await().atMost(PATIENCE)
                .until(
                        () -> http().get("/api/meetings?committee=" + encoded(committee)),
                        r -> Http.json(r).path("data").path(0).path("version").asLong() == 5));

        assertThat(list.path("data").get(0).path("agendaItem").findValuesAsString("number"))
                .containsExactly("3.1", "1.1");
    }

    @Test
    void aMoveFromACancelledMeetingIsCountedApartFromDeferrals() {
        String item = UUID.randomUUID().toString();
        String cancelled = UUID.randomUUID().toString();
        send(new MeetingScheduled(cancelled, committee, MEETING_START.plusSeconds(86_400), null, "Aalborg"));
        send(proposal(item, "Trafikplan", null));
        send(new AgendaItemScheduled(item, meeting));
        send(new AgendaItemDeferred(item, meeting, "Afventer tal", null, false));
        send(new AgendaItemScheduled(item, cancelled));
        send(new AgendaItemDeferred(item, cancelled, "Mødet blev aflyst", null, true, true));

        JsonNode view = Http.json(await().atMost(PATIENCE)
                .until(
                        () -> http().get("/api/agenda-items/" + item),
                        r -> r.statusCode() == 200
                                && Http.json(r).path("version").asLong() == 4));

        assertThat(view.path("timesDeferred").asInt())
                .as("the committee deferred it once")
                .isEqualTo(1);
        assertThat(view.path("timesMoved").asInt())
                .as("its meeting was cancelled once")
                .isEqualTo(1);
        JsonNode row = Http.json(http().get("/api/agenda-items/outstanding?committee=" + encoded(committee)))
                .path("data")
                .valueStream()
                .filter(r -> r.path("id").asString().equals(item))
                .findFirst()
                .orElseThrow();
        assertThat(row.path("timesDeferred").asInt()).isEqualTo(1);
        assertThat(row.path("timesMoved").asInt()).isEqualTo(1);
        assertThat(Http.json(http().get("/api/agenda-items/" + item + "/timeline"))
                        .path("data")
                        .findValuesAsString("summary"))
                .anyMatch(summary -> summary.startsWith("Moved from meeting " + cancelled));
    }

    @Test
    void rendersTheAgendaAndTheMinutesAsDocumentsWhosePdfTextSaysWhatTheMeetingSays() throws Exception {
        await().atMost(PATIENCE)
                .until(() -> Http.json(http().get("/api/meetings/" + meeting))
                                .path("version")
                                .asLong()
                        == 5);

        HttpResponse<byte[]> agenda = http().getBytes("/api/meetings/" + meeting + "/agenda.pdf");
        HttpResponse<byte[]> minutesPdf = http().getBytes("/api/meetings/" + meeting + "/minutes.pdf");
        HttpResponse<String> html = http().get("/api/meetings/" + meeting + "/agenda.html");

        assertThat(agenda.statusCode()).isEqualTo(200);
        assertThat(agenda.headers().firstValue("Content-Type")).hasValue("application/pdf");
        String agendaText = pdfText(agenda.body());
        assertThat(agendaText)
                .contains(
                        "Dagsorden",
                        committee,
                        "fredag den 11. april 2025, kl. 10.00–12.00",
                        "Aalborg Rådhus",
                        "Udsendt",
                        "Regionalpolitiske sager",
                        "3.1. Orientering om erhvervsfremmestrategien",
                        "SAG-2025-00999 haan",
                        "1.1. Godkendelse af referat",
                        "Side 1 af 1")
                .doesNotContain("Beslutning");
        assertThat(agendaText.indexOf("1.1."))
                .as("the agenda as sent out, before it was reordered")
                .isLessThan(agendaText.indexOf("3.1."));
        String minutesText = pdfText(minutesPdf.body());
        assertThat(minutesText)
                .contains(
                        "Referat",
                        "Foreløbigt referat: mødet er ikke afsluttet",
                        "Beslutning: Godkendt med ændringer",
                        "Godkendt med rettelse.",
                        "Beslutning: Ikke behandlet");
        assertThat(minutesText.indexOf("3.1."))
                .as("the minutes in the agenda's order now")
                .isLessThan(minutesText.indexOf("1.1."));
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(html.body()).contains("<h1>Dagsorden</h1>", "SAG-2025-00681 haan");
        assertThat(http().get("/api/meetings/" + UUID.randomUUID() + "/minutes.pdf")
                        .statusCode())
                .isEqualTo(404);
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper()
                    .getText(document)
                    .replaceAll("[ \\t]+", " ");
        }
    }

    @Test
    void answersEveryTimeInOneFormDanishTimeWithItsOffsetAndTakesADayForAsOf() {
        JsonNode register = Http.json(await().atMost(PATIENCE)
                .until(
                        () -> http().get("/api/decisions?committee=" + encoded(committee)),
                        r -> Http.json(r).path("data").size() == 2));
        String danish = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?\\+0[12]:00";

        String created = Http.json(http().get("/api/agenda-items/" + minutes))
                .path("created")
                .asString();
        String listed = Http.json(http().get("/api/agenda-items?committee=" + encoded(committee)))
                .path("data")
                .valueStream()
                .filter(row -> row.path("id").asString().equals(minutes))
                .findFirst()
                .orElseThrow()
                .path("created")
                .asString();
        assertThat(created)
                .as("an item's created, alone and in a list")
                .isEqualTo(listed)
                .matches(danish);
        assertThat(Http.json(http().get("/api/agenda-items/" + minutes + "/timeline"))
                        .path("data")
                        .findValuesAsString("time"))
                .allSatisfy(time -> assertThat(time).matches(danish));
        assertThat(register.path("data").findValuesAsString("decided"))
                .hasSize(2)
                .allSatisfy(time -> assertThat(time).matches(danish));
        HttpResponse<String> day = http().get("/api/agenda-items?committee=" + encoded(committee) + "&asOf=2025-04-12");
        assertThat(day.statusCode()).as("a day: its start in Danish time").isEqualTo(200);
        assertThat(Http.json(day).path("data").size())
                .as("recorded later than that day")
                .isZero();
    }

    @Test
    void searchIgnoresCaseInTheDanishLettersToo() {
        String item = UUID.randomUUID().toString();
        send(new AgendaItemProposed(
                item,
                committee,
                "Økonomi for ældre på Ærø",
                null,
                List.of("haan"),
                "BØRNENE OG DE ÆLDRE",
                null,
                null,
                null,
                false));
        String base = "/api/agenda-items?committee=" + encoded(committee) + "&q=";
        await().atMost(PATIENCE).until(() -> http().get("/api/agenda-items/" + item), r -> r.statusCode() == 200);

        for (String query : List.of(
                "økonomi", "Økonomi", "ØKONOMI", "ældre", "ÆLDRE", "Ærø", "ærø", "ÆRØ", "børnene", "BØRNENE",
                "Børnene")) {
            assertThat(Http.json(http().get(base + encoded(query))).path("data").findValuesAsString("id"))
                    .as(query)
                    .containsExactly(item);
        }
    }

    private void send(SagssporEvent event) {
        long sequence = sequences.merge(event.aggregateId(), 1L, Long::sum) - 1;
        kafka.send(EventRecords.record(properties.topic(), event, sequence)).join();
    }

    private AgendaItemProposed proposal(String id, String title, String caseNumber) {
        return new AgendaItemProposed(id, committee, title, caseNumber, List.of("haan"), null, null, null, null, false);
    }

    private static String encoded(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private Http http() {
        return Http.localhost(port);
    }
}
