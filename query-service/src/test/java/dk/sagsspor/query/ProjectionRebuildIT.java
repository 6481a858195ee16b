package dk.sagsspor.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.sagsspor.query.projection.ProjectionProperties;
import dk.sagsspor.query.projection.ProjectionRebuilds;
import dk.sagsspor.testsupport.Http;
import dk.sagsspor.testsupport.RealInfrastructure;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Rebuilding a projection from the beginning of the topic, while the service answers, gives exactly the tables the
 * incremental run built. Runs in a world of its own (database, topic of six partitions, consumer groups), so that the
 * only consumers of its groups are its own and every row in its tables comes from its own events.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sagsspor.projection.retry-attempts=1", "sagsspor.projection.retry-interval=50ms"})
class ProjectionRebuildIT {

    static final World WORLD = World.create("query_rebuild", 6);
    static final String TOPIC = WORLD.topic();
    static final String GROUP_PREFIX = WORLD.groupPrefix();
    static final List<String> PROJECTIONS =
            List.of("agenda-items", "decisions", "event-log", "follow-ups", "meetings", "staff");
    static final Duration PATIENCE = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void aWorldOfItsOwn(DynamicPropertyRegistry registry) {
        WORLD.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    ProjectionProperties properties;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    ProjectionRebuilds rebuilds;

    final TwoMeetings spring = new TwoMeetings();

    @BeforeEach
    void eventsProjectedIncrementally() {
        spring.send(kafka, TOPIC);
        awaitCaughtUp();
    }

    @Test
    void aRebuiltProjectionEqualsTheIncrementallyBuiltOne() {
        Map<String, List<String>> incremental = tablesOfEveryProjection();
        assertThat(incremental.get("agenda_item_history")).hasSizeGreaterThan(10);

        for (String projection : PROJECTIONS) {
            HttpResponse<String> accepted = http().postJson("/api/admin/projections/" + projection + "/rebuild", "");
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            assertThat(accepted.headers().firstValue("Location")).hasValue("/api/admin/projections/" + projection);
            assertThat(Http.json(accepted)
                            .path("lastRebuild")
                            .path("eventsToReplay")
                            .asLong())
                    .isGreaterThan(20);
            awaitSwapped(projection);
        }
        awaitCaughtUp();

        assertThat(tablesOfEveryProjection()).isEqualTo(incremental);
    }

    @Test
    void everyReadModelRebuiltInOnePassEqualsTheIncrementallyBuiltOnes() {
        Map<String, List<String>> incremental = tablesOfEveryProjection();

        HttpResponse<String> accepted = http().postJson("/api/admin/projections/rebuild", "");

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.headers().firstValue("Location")).hasValue("/api/admin/projections");
        PROJECTIONS.forEach(this::awaitSwapped);
        awaitCaughtUp();
        assertThat(tablesOfEveryProjection()).isEqualTo(incremental);
        assertThat(jdbc.sql("select count(*) from pg_namespace where nspname like 'rebuild%'")
                        .query(Long.class)
                        .single())
                .as("the rebuild's schemas are dropped")
                .isZero();
    }

    @Test
    void aRebuildUnderLiveLoadIsSwappedInWithoutLosingOrRepeatingAnEvent() throws Exception {
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicInteger rounds = new AtomicInteger();
        Thread load = Thread.ofPlatform().start(() -> {
            while (loading.get()) {
                new TwoMeetings().send(kafka, TOPIC);
                rounds.incrementAndGet();
            }
        });
        try {
            await().atMost(PATIENCE).until(() -> rounds.get() >= 2);
            HttpResponse<String> accepted = http().postJson("/api/admin/projections/agenda-items/rebuild", "");
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            // answered from the old tables while the new ones are built
            assertThat(http().get("/api/agenda-items/" + spring.minutes).statusCode())
                    .isEqualTo(200);
            awaitSwapped("agenda-items");
            int atSwap = rounds.get();
            await().atMost(PATIENCE).until(() -> rounds.get() >= atSwap + 2);
        } finally {
            loading.set(false);
            load.join();
        }
        awaitCaughtUp();
        Map<String, List<String>> underLoad = tablesOf("agenda-items");

        // the same events, rebuilt at rest, give the same tables: the swap lost nothing and applied nothing twice
        assertThat(http().postJson("/api/admin/projections/agenda-items/rebuild", "")
                        .statusCode())
                .isEqualTo(202);
        awaitSwapped("agenda-items");
        awaitCaughtUp();
        assertThat(tablesOf("agenda-items")).isEqualTo(underLoad);
        assertThat(underLoad.get("agenda_item")).hasSizeGreaterThan(4 * rounds.get());
    }

    @Test
    void aWholePollDeliveredAgainAfterACrashBetweenTheDatabaseCommitAndTheOffsetCommitChangesNothing()
            throws Exception {
        Map<String, List<String>> applied = tablesOfEveryProjection();
        MessageListenerContainer live = listeners.getListenerContainer("read-models");
        live.stop();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.kafka().bootstrapServers()))) {
            // the read models committed, the offsets did not: the group starts again from the beginning
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            for (int partition = 0; partition < 6; partition++) {
                start.put(new TopicPartition(TOPIC, partition), new OffsetAndMetadata(0));
            }
            admin.alterConsumerGroupOffsets(GROUP_PREFIX + "read-models", start)
                    .all()
                    .get();
        } finally {
            live.start();
        }
        awaitCaughtUp();

        assertThat(tablesOfEveryProjection()).isEqualTo(applied);
        assertThat(http().get("/actuator/prometheus").body())
                .containsPattern("sagsspor_projection_events_total\\{[^}]*outcome=\"redelivered\"[^}]*\\} [1-9]");
    }

    @Test
    void aRebuildLeftUnfinishedByAStoppedServiceIsRecordedAsFailedAndItsTablesDropped() {
        // what a service killed while rebuilding leaves: a rebuild in progress, its schema, a group nobody is in
        String group = GROUP_PREFIX + "rebuild.rebuild_staff.1";
        jdbc.sql("""
                        insert into projection_rebuild (projection, requested_at, requested_by, target_offsets, state,
                                                        consumer_group)
                        values ('staff', now(), 'tester', '{"0": 7}', 'building', :group)""").param("group", group).update();
        jdbc.sql("create schema rebuild_staff").update();
        jdbc.sql("create table rebuild_staff.staff_member (initials text)").update();

        rebuilds.endInterruptedRebuilds();

        JsonNode rebuild = Http.json(http().get("/api/admin/projections/staff")).path("lastRebuild");
        assertThat(rebuild.path("state").asString()).isEqualTo("failed");
        assertThat(rebuild.path("detail").asString()).contains("interrupted");
        assertThat(rebuild.path("finished").isNull()).isFalse();
        assertThat(jdbc.sql("select count(*) from pg_namespace where nspname = 'rebuild_staff'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void refusesASecondRebuildWhileOneIsUnderWay() {
        HttpResponse<String> first = http().postJson("/api/admin/projections/event-log/rebuild", "");
        HttpResponse<String> second = http().postJson("/api/admin/projections/rebuild", "");

        assertThat(first.statusCode()).isEqualTo(202);
        if (second.statusCode() == 409) {
            assertThat(Http.json(second).path("detail").asString()).contains("under way");
        } else {
            // the first had finished already (a handful of records): the second ran as asked
            assertThat(second.statusCode()).isEqualTo(202);
            PROJECTIONS.forEach(this::awaitSwapped);
        }
        awaitSwapped("event-log");
        awaitCaughtUp();
    }

    @Test
    void aRebuildShownSwappedIsOverSoTheNextMayStartAtOnce() {
        // an operator (or a script) that watches the status and asks for the next rebuild the moment it says swapped
        for (String projection : List.of("staff", "meetings")) {
            assertThat(http().postJson("/api/admin/projections/" + projection + "/rebuild", "")
                            .statusCode())
                    .isEqualTo(202);
            // the row the status shows, read as fast as the database answers (the status itself asks Kafka too)
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!jdbc.sql("select state from projection_rebuild where projection = ? order by id desc limit 1")
                    .param(projection)
                    .query(String.class)
                    .single()
                    .equals("swapped")) {
                assertThat(System.nanoTime()).as("swapped in time").isLessThan(deadline);
            }
        }
        HttpResponse<String> next = http().postJson("/api/admin/projections/decisions/rebuild", "");

        assertThat(next.statusCode()).as(next.body()).isEqualTo(202);
        awaitSwapped("decisions");
        awaitCaughtUp();
    }

    @Test
    void refusesToRebuildWhileAnotherInstanceConsumesTheProjection() {
        Map<String, List<String>> before = tablesOfEveryProjection();
        Properties config = new Properties();
        config.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.kafka().bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_PREFIX + "read-models");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> otherInstance =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            otherInstance.subscribe(List.of(TOPIC));
            await().atMost(PATIENCE).until(() -> {
                otherInstance.poll(Duration.ofMillis(200));
                return !otherInstance.assignment().isEmpty();
            });

            HttpResponse<String> refused = http().postJson("/api/admin/projections/decisions/rebuild", "");

            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(Http.json(refused).path("type").asString())
                    .isEqualTo("https://sagsspor.dk/problems/rebuild-refused");
            assertThat(Http.json(refused).path("detail").asString()).contains("other instance");
        }
        assertThat(tablesOfEveryProjection()).isEqualTo(before);
        awaitCaughtUp();
    }

    @Test
    void anUnknownProjectionIsNotFound() {
        HttpResponse<String> unknown = http().postJson("/api/admin/projections/nonsense/rebuild", "");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Http.json(unknown).path("kind").asString()).isEqualTo("projection");
        assertThat(Http.json(http().get("/api/admin/projections")).findValuesAsString("name"))
                .containsExactlyElementsOf(PROJECTIONS);
    }

    /** Every projection's listener runs and has committed the topic's end. */
    private void awaitCaughtUp() {
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode all = Http.json(http().get("/api/admin/projections"));
            assertThat(all.findValuesAsString("name")).containsExactlyElementsOf(PROJECTIONS);
            for (JsonNode projection : all) {
                assertThat(projection.path("running").asBoolean()).isTrue();
                assertThat(projection.path("lag").asLong())
                        .as(projection.path("name").asString())
                        .isZero();
            }
        });
    }

    /** The projection's latest rebuild has swapped its tables in. */
    private void awaitSwapped(String projection) {
        JsonNode rebuild = Http.json(await().atMost(PATIENCE)
                        .until(
                                () -> http().get("/api/admin/projections/" + projection),
                                r -> !List.of("building", "indexing", "catching-up")
                                        .contains(Http.json(r)
                                                .path("lastRebuild")
                                                .path("state")
                                                .asString())))
                .path("lastRebuild");
        assertThat(rebuild.path("state").asString()).as(rebuild.toString()).isEqualTo("swapped");
        assertThat(rebuild.path("caughtUp").asBoolean()).isTrue();
    }

    /** Every row of every projection's tables and positions, as JSON text, sorted. */
    private Map<String, List<String>> tablesOfEveryProjection() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String projection : PROJECTIONS) {
            tables.putAll(tablesOf(projection));
        }
        return tables;
    }

    /** Every row of the projection's tables and positions, as JSON text, sorted. */
    private Map<String, List<String>> tablesOf(String name) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (JsonNode projection : List.of(Http.json(http().get("/api/admin/projections/" + name)))) {
            for (JsonNode table : projection.path("tables")) {
                // the items' counts are rows of differences until folded: their sums are the read model
                String rows = table.asString().equals("agenda_item_count")
                        ? "(select committee, closed_item, sum(items) as items, sum(outstanding) as outstanding"
                                + " from agenda_item_count group by 1, 2 having sum(items) <> 0 or sum(outstanding) <> 0)"
                        : table.asString();
                tables.put(
                        table.asString(),
                        jdbc.sql("select row_to_json(t)::text as row from " + rows + " t order by 1")
                                .query(String.class)
                                .list());
                if (table.asString().equals("agenda_item_count")) {
                    // and they are the items counted, whatever the order the tests ran in (a rebuilt table that
                    // lost its triggers would equal a rebuild of the same kind)
                    assertThat(tables.get("agenda_item_count"))
                            .isEqualTo(jdbc.sql("""
                                            select row_to_json(t)::text from (
                                                select committee, coalesce(closed_item, false) as closed_item,
                                                       count(*) as items, count(*) filter (where outstanding) as outstanding
                                                  from agenda_item group by 1, 2) t order by 1""").query(String.class).list());
                }
            }
            tables.put(
                    "projection_position:" + projection.path("name").asString(),
                    jdbc.sql(
                                    "select row_to_json(p)::text from projection_position p where projection = :name order by 1")
                            .param("name", projection.path("name").asString())
                            .query(String.class)
                            .list());
        }
        return tables;
    }

    private Http http() {
        return Http.localhost(port);
    }
}
