package dk.sagsspor.query.agendaitem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.sagsspor.events.agendaitem.AgendaItemDecided;
import dk.sagsspor.events.agendaitem.AgendaItemDeferred;
import dk.sagsspor.events.agendaitem.AgendaItemEvent;
import dk.sagsspor.events.agendaitem.AgendaItemProposed;
import dk.sagsspor.events.agendaitem.AgendaItemRevised;
import dk.sagsspor.events.agendaitem.AgendaItemScheduled;
import dk.sagsspor.events.agendaitem.AgendaItemWithdrawn;
import dk.sagsspor.events.agendaitem.DecisionOutcome;
import dk.sagsspor.events.agendaitem.FollowUpAssigned;
import dk.sagsspor.events.meeting.MeetingAgendaItemAdded;
import dk.sagsspor.events.meeting.MeetingScheduled;
import dk.sagsspor.query.EventRecords;
import dk.sagsspor.query.projection.Polls;
import dk.sagsspor.query.projection.ProjectionProperties;
import dk.sagsspor.testsupport.Http;
import dk.sagsspor.testsupport.RealInfrastructure;
import dk.sagsspor.testsupport.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sagsspor.projection.retry-attempts=1", "sagsspor.projection.retry-interval=50ms"})
class AgendaItemProjectionIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "query");
    }

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    ProjectionProperties properties;

    @Autowired
    MeterRegistry meters;

    @Autowired
    AgendaItemProjection projection;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AgendaItemCounts counts;

    @Test
    void projectsProposedItemAndServesItWithItsVersionAsETag() {
        String id = UUID.randomUUID().toString();
        Instant proposedAt = Instant.parse("2025-04-11T08:00:00Z");
        send(EventRecords.record(
                properties.topic(), proposal(id, "Orientering om ungeindsatsen"), 0, "e-" + id, proposedAt));

        HttpResponse<String> response = awaitItem(id);

        assertThat(response.headers().firstValue("ETag")).contains("\"0\"");
        JsonNode item = Http.json(response);
        assertThat(item.path("name").asString()).isEqualTo("Orientering om ungeindsatsen");
        assertThat(item.path("committee").asString()).isEqualTo("KKR Nordjylland");
        assertThat(item.path("reference").asString()).isEqualTo("SAG-2025-00681");
        assertThat(item.path("caseOfficers").valueStream().map(JsonNode::asString))
                .containsExactly("haan", "hast");
        assertThat(item.path("status").asString()).isEqualTo("PROPOSED");
        assertThat(item.path("created").asString())
                .as("in Danish time, as every time in every answer")
                .isEqualTo("2025-04-11T10:00:00+02:00");
        assertThat(item.path("createdBy").asString()).isEqualTo("hast");
    }

    @Test
    void upcastsAVersionOneEventFromTheTopic() {
        String id = UUID.randomUUID().toString();
        String v1 = """
                {"agendaItemId": "%s", "committee": "KKR Nordjylland", "title": "Fra version 1",
                 "caseNumber": null, "caseOfficers": [], "background": null, "recommendation": null,
                 "presentation": null, "attachments": []}""".formatted(id);
        send(EventRecords.raw(properties.topic(), id, "dk.sagsspor.AgendaItemProposed.v1", 0, v1));

        JsonNode item = Http.json(awaitItem(id));
        assertThat(item.path("name").asString()).isEqualTo("Fra version 1");
        assertThat(item.path("public").asBoolean()).isTrue();
    }

    @Test
    void followsTheItemThroughItsLifecycle() {
        String id = UUID.randomUUID().toString();
        send(EventRecords.record(properties.topic(), proposal(id, "Livsforløb"), 0));
        send(EventRecords.record(properties.topic(), new AgendaItemScheduled(id, "m-1"), 1));
        send(EventRecords.record(properties.topic(), new AgendaItemDeferred(id, "m-1", "Tid", null, true), 2));
        send(EventRecords.record(properties.topic(), new AgendaItemScheduled(id, "m-2"), 3));
        send(EventRecords.record(
                properties.topic(), new AgendaItemDecided(id, "m-2", DecisionOutcome.APPROVED, "Godkendt"), 4));

        JsonNode item = Http.json(await().atMost(PATIENCE)
                .until(
                        () -> http().get("/api/agenda-items/" + id),
                        response -> response.statusCode() == 200
                                && Http.json(response).path("version").asLong() == 4));
        assertThat(item.path("status").asString()).isEqualTo("DECIDED");
        assertThat(item.path("meeting").asString()).isEqualTo("m-2");
        assertThat(item.path("timesDeferred").asInt()).isEqualTo(1);
        assertThat(item.path("result").asString()).isEqualTo("APPROVED");
        assertThat(item.path("resolutionText").asString()).isEqualTo("Godkendt");
    }

    @Test
    void ignoresRedeliveredEvent() {
        String id = UUID.randomUUID().toString();
        String eventId = "e-" + id;
        send(EventRecords.record(properties.topic(), proposal(id, "Original"), 0, eventId, Instant.now()));
        awaitItem(id);
        double redeliveredBefore = redelivered();

        // the same event again (same id and sequence); the changed title shows whether it was applied twice
        send(EventRecords.record(properties.topic(), proposal(id, "Changed on redelivery"), 0, eventId, Instant.now()));

        await().atMost(PATIENCE).until(() -> redelivered() > redeliveredBefore);
        assertThat(Http.json(awaitItem(id)).path("name").asString()).isEqualTo("Original");
    }

    @Test
    void refusesEventFromAnAggregatesFutureAndDeadLettersIt() {
        String id = UUID.randomUUID().toString();

        send(EventRecords.record(properties.topic(), proposal(id, "From the future"), 3));

        ConsumerRecord<String, byte[]> dead = Topics.firstRecordWithKey(properties.deadLetterTopic(), id, PATIENCE);
        assertThat(Topics.header(dead, "kafka_dlt-exception-message"))
                .contains("expected event 0 of " + id + " but got 3");
        assertThat(Topics.header(dead, "kafka_dlt-original-topic")).isEqualTo(properties.topic());
        assertThat(http().get("/api/agenda-items/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void deadLettersAPoisonRecordAndKeepsThePartitionFlowing() {
        String id = UUID.randomUUID().toString();

        kafka.send(properties.topic(), id, "not an event".getBytes(StandardCharsets.UTF_8));
        send(EventRecords.record(properties.topic(), proposal(id, "After the poison"), 0));

        assertThat(Http.json(awaitItem(id)).path("name").asString()).isEqualTo("After the poison");
        ConsumerRecord<String, byte[]> dead = Topics.firstRecordWithKey(properties.deadLetterTopic(), id, PATIENCE);
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not an event");
        assertThat(Topics.header(dead, "kafka_dlt-exception-cause-fqcn")).endsWith("UndecodableEvent");
        assertThat(Topics.header(dead, "kafka_dlt-exception-message")).contains("Not a CloudEvent");
    }

    /**
     * The records of a poll are applied in one transaction; a poison record among them must cost neither the records
     * before it (rolled back with it, then applied again) nor those after it. All three go to one partition, sent
     * together, so they arrive in one poll.
     */
    @Test
    void aPoisonRecordInABatchCostsNeitherTheRecordsBeforeItNorThoseAfter() {
        String before = UUID.randomUUID().toString();
        String poison = UUID.randomUUID().toString();
        String after = UUID.randomUUID().toString();

        kafka.send(onPartitionZero(EventRecords.record(properties.topic(), proposal(before, "Before the poison"), 0)));
        kafka.send(new ProducerRecord<>(
                properties.topic(), 0, poison, "not an event either".getBytes(StandardCharsets.UTF_8)));
        send(onPartitionZero(EventRecords.record(properties.topic(), proposal(after, "After the poison"), 0)));

        assertThat(Http.json(awaitItem(after)).path("name").asString()).isEqualTo("After the poison");
        assertThat(Http.json(awaitItem(before)).path("name").asString()).isEqualTo("Before the poison");
        ConsumerRecord<String, byte[]> dead = Topics.firstRecordWithKey(properties.deadLetterTopic(), poison, PATIENCE);
        assertThat(Topics.header(dead, "kafka_dlt-exception-fqcn")).endsWith("UndecodableEvent");
    }

    /**
     * The same in a large poll of every kind of event (items, their follow-ups and a meeting with its agenda, each
     * read model writing a poll at once): the pass fails on the poison record, the records before it are applied
     * again, it is dead-lettered alone, and the records after it are applied.
     */
    @Test
    void aPoisonRecordInTheMiddleOfALargePollCostsNoneOfTheOthers() {
        String poison = UUID.randomUUID().toString();
        String meeting = UUID.randomUUID().toString();
        List<String> items = new ArrayList<>();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        records.add(EventRecords.record(
                properties.topic(),
                new MeetingScheduled(
                        meeting, "KKR Nordjylland", Instant.parse("2031-04-11T08:00:00Z"), null, null, false),
                0));
        for (int i = 0; i < 120; i++) {
            String item = UUID.randomUUID().toString();
            items.add(item);
            records.add(EventRecords.record(properties.topic(), proposal(item, "Punkt " + i), 0));
            records.add(EventRecords.record(
                    properties.topic(), new MeetingAgendaItemAdded(meeting, item, "3." + i, null, false), i + 1));
            records.add(EventRecords.record(
                    properties.topic(),
                    new FollowUpAssigned(item, item + "-f", "Svar", LocalDate.parse("2031-05-01"), "hast", null),
                    1));
        }
        records.add(
                records.size() / 2,
                new ProducerRecord<>(
                        properties.topic(), 0, poison, "not an event, in the middle".getBytes(StandardCharsets.UTF_8)));
        records.forEach(record -> kafka.send(onPartitionZero(record)));
        kafka.flush();

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(count("select count(*) from agenda_item where id = any(?)", items))
                    .isEqualTo(120);
            assertThat(count("select count(*) from follow_up where agenda_item_id = any(?)", items))
                    .isEqualTo(120);
            assertThat(count("select count(*) from agenda_entry where agenda_item_id = any(?)", items))
                    .isEqualTo(120);
        });
        ConsumerRecord<String, byte[]> dead = Topics.firstRecordWithKey(properties.deadLetterTopic(), poison, PATIENCE);
        assertThat(Topics.header(dead, "kafka_dlt-exception-fqcn")).endsWith("UndecodableEvent");
        List<String> keys = new ArrayList<>(items);
        keys.add(meeting);
        assertThat(count("select count(*) from dead_letter where record_key = any(?)", keys))
                .as("nothing but the poison record dead-lettered")
                .isZero();
    }

    private long count(String query, List<String> ids) {
        return jdbc.sql(query)
                .param(ids.toArray(String[]::new))
                .query(Long.class)
                .single();
    }

    private static ProducerRecord<String, byte[]> onPartitionZero(ProducerRecord<String, byte[]> record) {
        return new ProducerRecord<>(record.topic(), 0, record.key(), record.value(), record.headers());
    }

    @Test
    void aPollWrittenInAFewStatementsGivesTheTablesTheEventByEventStatementsGive() {
        String oneByOne = UUID.randomUUID().toString();
        String atOnce = UUID.randomUUID().toString();
        String meeting = UUID.randomUUID().toString();
        Instant start = Instant.parse("2025-04-11T08:00:00Z");
        List<Function<String, AgendaItemEvent>> life = List.of(
                id -> new AgendaItemProposed(
                        id,
                        "KKR Batch",
                        "Først",
                        "SAG-2025-00001",
                        List.of("hast"),
                        "Baggrund",
                        null,
                        null,
                        List.of(),
                        false),
                id -> new AgendaItemRevised(
                        id,
                        "Anden",
                        null,
                        List.of("haan", "hast"),
                        "Baggrund",
                        "Indstilling",
                        "Sag",
                        List.of("a.pdf"),
                        List.of(
                                "title",
                                "caseNumber",
                                "caseOfficers",
                                "recommendation",
                                "presentation",
                                "attachments")),
                id -> new AgendaItemScheduled(id, meeting),
                id -> new AgendaItemRevised(
                        id,
                        "Tredje",
                        "SAG-2025-00002",
                        List.of(),
                        null,
                        "Indstilling",
                        "Sag",
                        List.of(),
                        List.of("title")),
                id -> new AgendaItemDeferred(id, meeting, "Tiden slap op", null, false),
                id -> new AgendaItemScheduled(id, meeting),
                id -> new AgendaItemDeferred(id, meeting, "Mødet blev aflyst", null, true, true),
                id -> new AgendaItemScheduled(id, meeting),
                id -> new AgendaItemDecided(id, meeting, DecisionOutcome.APPROVED, "Godkendt"),
                id -> new AgendaItemWithdrawn(id, null, "Trukket"));
        // the fourth event is dated before the third: versions never go back in time
        List<Instant> times = List.of(
                start,
                start.plusSeconds(3_600),
                start.plusSeconds(7_200),
                start.plusSeconds(5_400),
                start.plusSeconds(9_000),
                start.plusSeconds(9_000),
                start.plusSeconds(10_000),
                start.plusSeconds(11_000),
                start.plusSeconds(12_000),
                start.plusSeconds(15_000));
        // the item exists with a version before the poll, as in a live poll
        Polls.writeBothWays(
                transactions,
                projection,
                "AgendaItem",
                life.stream().map(step -> step.apply(oneByOne)).toList(),
                life.stream().map(step -> step.apply(atOnce)).toList(),
                times,
                2);

        Polls.assertSameRows(
                jdbc,
                oneByOne,
                atOnce,
                List.of(
                        "select row_to_json(t)::jsonb - 'id' from agenda_item t where id = ?",
                        "select row_to_json(t)::jsonb - 'id' from agenda_item_history t where id = ? order by valid_from,"
                                + " version",
                        "select row_to_json(t)::jsonb - 'agenda_item_id' from agenda_item_at_meeting t"
                                + " where agenda_item_id = ? order by sequence"));
        assertThat(jdbc.sql("select times_deferred || '/' || times_moved from agenda_item where id = ?")
                        .param(atOnce)
                        .query(String.class)
                        .single())
                .as("deferred once by the committee, moved once from a cancelled meeting")
                .isEqualTo("1/1");
        // the counts kept by the triggers, whichever way the rows were written, are the rows counted
        assertThat(jdbc.sql("""
                        select (select coalesce(sum(items), 0) || '/' || coalesce(sum(outstanding), 0)
                                  from agenda_item_count where committee = 'KKR Batch')
                             = (select count(*) || '/' || count(*) filter (where outstanding)
                                  from agenda_item where committee = 'KKR Batch')""").query(Boolean.class).single()).isTrue();
    }

    @Test
    void aCommitteesTotalsAreKeptByTheReadModelAndCountOnlyWhatTheReaderSees() {
        String committee = "KKR Tælling " + UUID.randomUUID();
        String waiting = UUID.randomUUID().toString();
        String decided = UUID.randomUUID().toString();
        String closed = UUID.randomUUID().toString();
        String followedUp = UUID.randomUUID().toString();
        String withdrawn = UUID.randomUUID().toString();
        for (String id : List.of(waiting, decided, closed, followedUp, withdrawn)) {
            send(EventRecords.record(
                    properties.topic(),
                    new AgendaItemProposed(
                            id, committee, "Tælles", null, List.of(), null, null, null, null, id.equals(closed)),
                    0));
        }
        for (String id : List.of(decided, followedUp)) {
            send(EventRecords.record(properties.topic(), new AgendaItemScheduled(id, "m-1"), 1));
            send(EventRecords.record(
                    properties.topic(), new AgendaItemDecided(id, "m-1", DecisionOutcome.APPROVED, "Godkendt"), 2));
        }
        // decided, and outstanding again while its follow-up is open
        send(EventRecords.record(
                properties.topic(),
                new FollowUpAssigned(
                        followedUp, UUID.randomUUID().toString(), "Svar", LocalDate.of(2033, 6, 1), "haan", null),
                3));
        send(EventRecords.record(properties.topic(), new AgendaItemWithdrawn(withdrawn, null, "Trukket"), 1));
        String list = "/api/agenda-items?pageSize=50&committee=" + encode(committee);
        String outstanding = "/api/agenda-items/outstanding?pageSize=50&committee=" + encode(committee);
        await().atMost(PATIENCE).until(() -> ids(http(), outstanding).size() == 3);

        for (int fold = 0; fold < 2; fold++) {
            // a secretary of every committee sees the closed item; a reader does not, in the rows or in the total
            assertThat(total(http(), list)).isEqualTo(5);
            assertThat(total(http(), outstanding)).isEqualTo(3);
            assertThat(ids(http(), outstanding)).containsExactlyInAnyOrder(waiting, closed, followedUp);
            Http reader = http().as("reader");
            assertThat(total(reader, list)).isEqualTo(4);
            assertThat(total(reader, outstanding)).isEqualTo(2);
            assertThat(ids(reader, outstanding)).containsExactlyInAnyOrder(waiting, followedUp);
            // every committee's total as the items counted, whichever the reader: a status filter counts the rows
            String everyStatus = "&status=PROPOSED&status=SCHEDULED&status=DEFERRED&status=DECIDED&status=WITHDRAWN";
            for (Http who : List.of(http(), reader)) {
                assertThat(total(who, "/api/agenda-items?pageSize=1"))
                        .isEqualTo(total(who, "/api/agenda-items?pageSize=1" + everyStatus));
            }
            counts.fold();
            assertThat(jdbc.sql("select count(*) from agenda_item_count where committee = ?")
                            .param(committee)
                            .query(Long.class)
                            .single())
                    .as("open and closed, a row each once folded")
                    .isEqualTo(2);
        }
    }

    private static long total(Http who, String path) {
        return Http.json(who.get(path)).path("pagination").path("totalElements").asLong();
    }

    private static List<String> ids(Http who, String path) {
        return Http.json(who.get(path))
                .path("data")
                .valueStream()
                .map(item -> item.path("id").asString())
                .toList();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void answersNotModifiedForTheCurrentETag() {
        String id = UUID.randomUUID().toString();
        send(EventRecords.record(properties.topic(), proposal(id, "Cached"), 0));
        awaitItem(id);

        assertThat(http().get("/api/agenda-items/" + id, "If-None-Match", "\"0\"")
                        .statusCode())
                .isEqualTo(304);
    }

    @Test
    void servesTheCheckedInOpenApiDocument() {
        dk.sagsspor.testsupport.OpenApiDocuments.assertCheckedIn(http(), "query-service");
    }

    @Test
    void answersWithTheCallersCorrelationIdOrANewOne() {
        assertThat(http().get("/api/agenda-items?pageSize=1", "X-Correlation-Id", "secretariat-42")
                        .headers()
                        .firstValue("X-Correlation-Id"))
                .contains("secretariat-42");
        assertThat(http().get("/api/agenda-items?pageSize=1").headers().firstValue("X-Correlation-Id"))
                .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f-]{36}"));
    }

    @Test
    void unknownItemIsANotFoundProblem() {
        HttpResponse<String> response = http().get("/api/agenda-items/no-such-item");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(Http.json(response).path("id").asString()).isEqualTo("no-such-item");
    }

    private double redelivered() {
        return meters
                .find("sagsspor.projection.events")
                .tags("projection", "agenda-items", "outcome", "redelivered")
                .counters()
                .stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    private HttpResponse<String> awaitItem(String id) {
        return await().atMost(PATIENCE)
                .until(() -> http().get("/api/agenda-items/" + id), response -> response.statusCode() == 200);
    }

    private void send(ProducerRecord<String, byte[]> record) {
        kafka.send(record).join();
    }

    private Http http() {
        return Http.localhost(port);
    }

    private static AgendaItemProposed proposal(String id, String title) {
        return new AgendaItemProposed(
                id, "KKR Nordjylland", title, "SAG-2025-00681", List.of("haan", "hast"), null, null, null, null, false);
    }
}
