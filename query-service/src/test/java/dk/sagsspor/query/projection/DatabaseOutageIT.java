package dk.sagsspor.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.sagsspor.events.agendaitem.AgendaItemProposed;
import dk.sagsspor.events.agendaitem.AgendaItemRevised;
import dk.sagsspor.query.EventRecords;
import dk.sagsspor.query.World;
import dk.sagsspor.testsupport.CuttableLink;
import dk.sagsspor.testsupport.Http;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The query database out of reach while events arrive: the link to PostgreSQL is cut (every connection reset, new ones
 * refused) for longer than the retries for a bad record take. A transient failure is waited out, never dead-lettered:
 * once the database is back, every read model has every event and the dead-letter topic has none of them.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sagsspor.projection.retry-attempts=2",
            "sagsspor.projection.retry-interval=100ms",
            "spring.datasource.hikari.connection-timeout=1000",
            "sagsspor.alerts.enabled=false"
        })
class DatabaseOutageIT {

    static final World WORLD = World.create("query_outage", 3);
    static final CuttableLink DATABASE =
            CuttableLink.toJdbcUrl((String) WORLD.properties().get("spring.datasource.url"));

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        WORLD.register(registry);
        String url = (String) WORLD.properties().get("spring.datasource.url");
        registry.add("spring.datasource.url", () -> DATABASE.jdbcUrlThrough(url));
    }

    @AfterAll
    static void closeLink() {
        DATABASE.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void eventsThatArriveWhileTheDatabaseIsAwayAreAppliedWhenItIsBackAndNoneIsDeadLettered() throws Exception {
        String before = UUID.randomUUID().toString();
        send(proposal(before, "Før afbrydelsen"), 0);
        awaitVersion(before, 0);

        DATABASE.cut();
        String during = UUID.randomUUID().toString();
        send(proposal(during, "Under afbrydelsen"), 0);
        for (int i = 1; i <= 3; i++) {
            send(revision(before, "Rettet " + i), i);
        }
        // longer than the retries of a record that cannot be applied (2 × from 100 ms, each waiting 1 s for a
        // connection)
        Thread.sleep(8_000);
        long asked = System.nanoTime();
        HttpResponse<String> readiness = http().anonymous().get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(10));
        DATABASE.mend();
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        http().anonymous().get("/actuator/health/readiness").statusCode() == 200);

        awaitVersion(before, 3);
        awaitVersion(during, 0);
        assertThat(Http.json(http().get("/api/agenda-items/" + before))
                        .path("name")
                        .asString())
                .isEqualTo("Rettet 3");
        // every read model retries on its own back-off (up to the 30 s maximum), so the event log may come later
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.sql("select count(*) from event_log where aggregate_id in (?, ?)")
                                .params(before, during)
                                .query(Long.class)
                                .single()
                        == 5);
        assertThat(deadLettered()).isZero();
    }

    private double deadLettered() {
        return meters.find("sagsspor.projection.dead-lettered").counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    private static AgendaItemProposed proposal(String id, String title) {
        return new AgendaItemProposed(
                id, "KKR Nordjylland", title, null, List.of(), null, null, null, List.of(), false);
    }

    private static AgendaItemRevised revision(String id, String title) {
        return new AgendaItemRevised(id, title, null, List.of(), null, null, null, List.of(), List.of("title"));
    }

    private void send(dk.sagsspor.events.SagssporEvent event, long sequence) throws Exception {
        kafka.send(EventRecords.record(WORLD.topic(), event, sequence)).get();
    }

    private void awaitVersion(String id, long version) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    HttpResponse<String> response = http().get("/api/agenda-items/" + id);
                    return response.statusCode() == 200
                            && Http.json(response).path("version").asLong() == version;
                });
    }

    private Http http() {
        return Http.localhost(port);
    }
}
