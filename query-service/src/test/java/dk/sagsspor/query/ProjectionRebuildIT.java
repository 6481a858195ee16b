package dk.sagsspor.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.sagsspor.query.projection.ProjectionProperties;
import dk.sagsspor.testsupport.Http;
import dk.sagsspor.testsupport.RealInfrastructure;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
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
            assertThat(accepted.statusCode()).as(projection).isEqualTo(202);
            assertThat(accepted.headers().firstValue("Location")).hasValue("/api/admin/projections/" + projection);
            assertThat(Http.json(accepted)
                            .path("lastRebuild")
                            .path("eventsToReplay")
                            .asLong())
                    .isGreaterThan(20);
        }
        awaitCaughtUp();

        assertThat(tablesOfEveryProjection()).isEqualTo(incremental);
    }

    @Test
    void theServiceKeepsAnsweringFromTheOtherProjectionsDuringARebuild() {
        JsonNode before = Http.json(http().get("/api/meetings/" + spring.april));

        HttpResponse<String> accepted = http().postJson("/api/admin/projections/agenda-items/rebuild", "");

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(Http.json(http().get("/api/meetings/" + spring.april)).path("version"))
                .isEqualTo(before.path("version"));
        assertThat(http().get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        JsonNode status = Http.json(await().atMost(PATIENCE)
                .until(
                        () -> http().get("/api/admin/projections/agenda-items"),
                        r -> Http.json(r).path("lastRebuild").path("caughtUp").asBoolean()));
        assertThat(status.path("running").asBoolean()).isTrue();
        assertThat(status.path("lag").asLong()).isZero();
        assertThat(status.path("consumerGroup").asString()).isEqualTo(GROUP_PREFIX + "agenda-items");
        assertThat(Http.json(http().get("/api/agenda-items/" + spring.minutes))
                        .path("result")
                        .asString())
                .isEqualTo("APPROVED_WITH_CHANGES");
    }

    @Test
    void refusesToRebuildWhileAnotherInstanceConsumesTheProjection() {
        Map<String, List<String>> before = tablesOfEveryProjection();
        Properties config = new Properties();
        config.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.kafka().bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_PREFIX + "decisions");
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

    /** Every row of every projection's tables and positions, as JSON text, sorted. */
    private Map<String, List<String>> tablesOfEveryProjection() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (JsonNode projection : Http.json(http().get("/api/admin/projections"))) {
            for (JsonNode table : projection.path("tables")) {
                tables.put(
                        table.asString(),
                        jdbc.sql("select row_to_json(t)::text as row from " + table.asString() + " t order by 1")
                                .query(String.class)
                                .list());
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
