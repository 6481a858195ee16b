package dk.sagsspor.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.sagsspor.events.SagssporEvent;
import dk.sagsspor.events.agendaitem.AgendaItemProposed;
import dk.sagsspor.events.agendaitem.AgendaItemRevised;
import dk.sagsspor.query.EventRecords;
import dk.sagsspor.query.World;
import dk.sagsspor.testsupport.Http;
import dk.sagsspor.testsupport.Topics;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A record one read model can never apply — here made real by a check constraint on that read model's tables that
 * refuses a title, standing in for a defect — and what an operator and an auditor get: one dead letter with the failing
 * consumer group, the item's later events held behind it (not dead-lettered again), the item marked incomplete where
 * it is shown, health and metrics saying so, and a replay that brings it all in once the cause is fixed.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sagsspor.projection.retry-attempts=1",
            "sagsspor.projection.retry-interval=50ms",
            "sagsspor.alerts.enabled=false"
        })
class DeadLettersIT {

    static final World WORLD = World.create("query_dead_letters", 3);
    private static final String POISON = "GIFT";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        WORLD.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProjectionProperties properties;

    @AfterEach
    void cureTheDefect() {
        for (String table : List.of("agenda_item", "agenda_item_history")) {
            jdbc.sql("alter table " + table + " drop constraint if exists refuses_poison")
                    .update();
        }
    }

    @Test
    void aRecordThatCannotBeAppliedIsDeadLetteredOnceShownAsIncompleteAndReplayedOnceFixed() throws Exception {
        plantTheDefect();
        String id = UUID.randomUUID().toString();
        send(proposal(id, "Punkt med " + POISON), 0);
        send(revision(id, "Rettet titel med " + POISON), 1);
        send(revision(id, "Endelig titel"), 2);

        await().atMost(PATIENCE).until(() -> unresolved(id).size() == 3);
        List<DeadLetters.DeadLetter> letters = unresolved(id);
        assertThat(letters).extracting(DeadLetters.DeadLetter::status).containsExactly("open", "held", "held");
        assertThat(letters).extracting(DeadLetters.DeadLetter::projection).containsOnly("agenda-items");
        assertThat(letters.get(0).exception()).contains("DataIntegrityViolation");
        List<ConsumerRecord<String, byte[]>> published = Topics.recordsWithKey(properties.deadLetterTopic(), id);
        assertThat(published).hasSize(1);
        assertThat(Topics.header(published.get(0), "kafka_dlt-original-consumer-group"))
                .isEqualTo(WORLD.groupPrefix() + "read-models");
        assertThat(Topics.header(published.get(0), ConsumerConfiguration.PROJECTION_HEADER))
                .isEqualTo("agenda-items");

        // shown as incomplete: the timeline (from the event log, which applied every event) says the item's own read
        // model misses events; health says the read side is degraded while readiness stays up
        await().atMost(PATIENCE)
                .until(() -> http().get("/api/agenda-items/" + id + "/timeline").statusCode() == 200);
        HttpResponse<String> timeline = http().get("/api/agenda-items/" + id + "/timeline");
        assertThat(timeline.headers().firstValue("Sagsspor-Incomplete")).contains("agenda-items");
        HttpResponse<String> health = http().anonymous().get("/actuator/health");
        assertThat(Http.json(health)
                        .path("components")
                        .path("deadLetters")
                        .path("status")
                        .asString())
                .isEqualTo("DEGRADED");
        assertThat(http().anonymous().get("/actuator/health/readiness").statusCode())
                .isEqualTo(200);
        assertThat(http().get("/actuator/prometheus").body())
                .containsPattern("sagsspor_projection_dead_letters_unresolved\\{[^}]*\\} [1-9]");
        JsonNode listed = Http.json(http().get("/api/admin/dead-letters?projection=agenda-items"));
        assertThat(listed.findValuesAsString("aggregateId")).contains(id);

        cureTheDefect();
        HttpResponse<String> replay = http().postJson("/api/admin/dead-letters/replay?projection=agenda-items", "");

        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        assertThat(Http.json(replay).path("replayed").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(unresolved(id)).isEmpty();
        HttpResponse<String> item = http().get("/api/agenda-items/" + id);
        assertThat(item.statusCode()).isEqualTo(200);
        assertThat(Http.json(item).path("version").asLong()).isEqualTo(2);
        assertThat(Http.json(item).path("name").asString()).isEqualTo("Endelig titel");
        assertThat(Http.json(item).path("incomplete").isEmpty()).isTrue();
        assertThat(item.headers().firstValue("Sagsspor-Incomplete")).isEmpty();
        assertThat(Http.json(http().anonymous().get("/actuator/health"))
                        .path("components")
                        .path("deadLetters")
                        .path("status")
                        .asString())
                .isEqualTo("UP");
        assertThat(jdbc.sql("select status from dead_letter where aggregate_id = ?")
                        .param(id)
                        .query(String.class)
                        .list())
                .containsOnly("replayed");
    }

    @Test
    void anItemThatMissesALaterEventIsMarkedIncompleteInItsAnswerAndInLists() throws Exception {
        plantTheDefect();
        String id = UUID.randomUUID().toString();
        String reference = "SAG-2030-" + (10_000 + new java.util.Random().nextInt(89_999));
        send(
                new AgendaItemProposed(
                        id,
                        "KKR Nordjylland",
                        "Uskyldig titel",
                        reference,
                        List.of(),
                        null,
                        null,
                        null,
                        List.of(),
                        false),
                0);
        send(revision(id, "Ny titel med " + POISON), 1);
        await().atMost(PATIENCE).until(() -> unresolved(id).size() == 1);

        HttpResponse<String> item = http().get("/api/agenda-items/" + id);
        JsonNode row = Http.json(http().get("/api/agenda-items?reference=" + reference))
                .path("data")
                .get(0);

        assertThat(item.statusCode()).isEqualTo(200);
        assertThat(Http.json(item).path("version").asLong()).isZero();
        assertThat(Http.json(item).path("incomplete").get(0).asString()).isEqualTo("agenda-items");
        assertThat(item.headers().firstValue("Sagsspor-Incomplete")).contains("agenda-items");
        assertThat(row.path("id").asString()).isEqualTo(id);
        assertThat(row.path("incomplete").get(0).asString()).isEqualTo("agenda-items");
    }

    @Test
    void anEventThatCameEarlyIsResolvedWhenALaterCopyIsApplied() throws Exception {
        // at-least-once delivery: an aggregate's events out of order on the topic, then the whole run sent again
        String id = UUID.randomUUID().toString();
        send(proposal(id, "Først"), 0);
        send(revision(id, "Kom for tidligt"), 2);
        // each of the item's four read models dead-letters the early event
        await().atMost(PATIENCE).until(() -> unresolved(id).size() == 4);

        send(revision(id, "Anden"), 1);
        send(revision(id, "Kom for tidligt"), 2);

        await().atMost(PATIENCE)
                .until(() -> Http.json(http().get("/api/agenda-items/" + id))
                                .path("version")
                                .asLong()
                        == 2);
        await().atMost(PATIENCE).until(() -> unresolved(id).isEmpty());
        assertThat(jdbc.sql("select replayed_by from dead_letter where aggregate_id = ?")
                        .param(id)
                        .query(String.class)
                        .list())
                .containsOnly(DeadLetters.SUPERSEDED);
    }

    @Test
    void aDeadLetterThatStillFailsStaysWithItsNewReasonAndHoldsItsAggregate() throws Exception {
        plantTheDefect();
        String id = UUID.randomUUID().toString();
        send(proposal(id, POISON), 0);
        send(revision(id, "Efter"), 1);
        await().atMost(PATIENCE).until(() -> unresolved(id).size() == 2);

        HttpResponse<String> replay = http().postJson("/api/admin/dead-letters/replay?projection=agenda-items", "");

        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(unresolved(id)).extracting(DeadLetters.DeadLetter::failures).containsExactly(2, 1);
        assertThat(http().get("/api/agenda-items/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void aRebuildMeetingAKnownDeadLetterAgainCountsItAndDoesNotPublishItTwice() throws Exception {
        plantTheDefect();
        String id = UUID.randomUUID().toString();
        send(proposal(id, POISON), 0);
        await().atMost(PATIENCE).until(() -> unresolved(id).size() == 1);

        HttpResponse<String> rebuild = http().postJson("/api/admin/projections/agenda-items/rebuild", "");
        assertThat(rebuild.statusCode()).as(rebuild.body()).isEqualTo(202);

        await().atMost(PATIENCE).until(() -> unresolved(id).get(0).failures() == 2);
        assertThat(Topics.recordsWithKey(properties.deadLetterTopic(), id)).hasSize(1);
        // the rebuilt tables are swapped in (the live consumer pauses for it) before the next test sends its records
        await().atMost(PATIENCE)
                .until(() -> Http.json(http().get("/api/admin/projections/agenda-items"))
                        .path("lastRebuild")
                        .path("state")
                        .asString()
                        .equals("swapped"));
    }

    /**
     * The item read model refuses the poisoned title in its rows and in their versions: a poll's events of one item
     * are written as one change of its row but a version each, so the versions are where an event's own state lands.
     */
    private void plantTheDefect() {
        for (String table : List.of("agenda_item", "agenda_item_history")) {
            jdbc.sql("alter table " + table + " add constraint refuses_poison check (title not like '%" + POISON
                            + "%')")
                    .update();
        }
    }

    private List<DeadLetters.DeadLetter> unresolved(String id) {
        return jdbc
                .sql("select id from dead_letter where aggregate_id = ? and status <> 'replayed'")
                .param(id)
                .query(Long.class)
                .list()
                .stream()
                .map(letter -> Http.json(http().get("/api/admin/dead-letters/" + letter)))
                .map(json -> new DeadLetters.DeadLetter(
                        json.path("id").asLong(),
                        json.path("projection").asString(),
                        json.path("topic").asString(),
                        json.path("partition").asInt(),
                        json.path("offset").asLong(),
                        json.path("aggregateId").asString(),
                        json.path("eventId").asString(),
                        json.path("eventType").asString(),
                        json.path("sequence").asLong(),
                        json.path("status").asString(),
                        json.path("reason").asString(),
                        json.path("exception").asString(),
                        json.path("failures").asInt(),
                        null,
                        null,
                        null,
                        null))
                .sorted(java.util.Comparator.comparing(DeadLetters.DeadLetter::sequence))
                .toList();
    }

    private static AgendaItemProposed proposal(String id, String title) {
        return new AgendaItemProposed(
                id, "KKR Nordjylland", title, null, List.of(), null, null, null, List.of(), false);
    }

    private static AgendaItemRevised revision(String id, String title) {
        return new AgendaItemRevised(id, title, null, List.of(), null, null, null, List.of(), List.of("title"));
    }

    private void send(SagssporEvent event, long sequence) throws Exception {
        kafka.send(EventRecords.record(WORLD.topic(), event, sequence)).get();
    }

    private Http http() {
        return Http.localhost(port);
    }
}
