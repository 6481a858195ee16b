package dk.sagsspor.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.sagsspor.testsupport.CuttableLink;
import dk.sagsspor.testsupport.Http;
import dk.sagsspor.testsupport.RealInfrastructure;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The event store's database out of reach: the link to PostgreSQL is cut (open connections reset, new ones refused).
 * Commands are answered promptly with a {@code 503} problem and {@code Retry-After}, never acknowledged and never a
 * bare 500; readiness says the service cannot take commands; health answers instead of hanging; and once the
 * database is back, a retry with the same Idempotency-Key is recorded once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DatabaseOutageIT {

    static final Map<String, Object> PROPERTIES = RealInfrastructure.properties("command_outage");
    static final CuttableLink DATABASE = CuttableLink.toJdbcUrl((String) PROPERTIES.get("spring.datasource.url"));

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        PROPERTIES.forEach((name, value) -> registry.add(name, () -> value));
        String url = (String) PROPERTIES.get("spring.datasource.url");
        registry.add("spring.datasource.url", () -> DATABASE.jdbcUrlThrough(url));
    }

    @AfterEach
    void mend() {
        DATABASE.mend();
    }

    @AfterAll
    static void close() {
        DATABASE.close();
    }

    @LocalServerPort
    int port;

    @Test
    void commandsAreRefusedWithServiceUnavailableAndReadinessIsDownWhileTheDatabaseIsAway() {
        assertThat(http().anonymous().get("/actuator/health/readiness").statusCode())
                .isEqualTo(200);
        String key = UUID.randomUUID().toString();
        String body = "{\"committee\": \"KKR Nordjylland\", \"title\": \"Under afbrydelsen\"}";

        DATABASE.cut();
        long started = System.nanoTime();
        HttpResponse<String> refused = http().postJson("/api/agenda-items", body, "Idempotency-Key", key);
        HttpResponse<String> unkeyed = http().postJson("/api/agenda-items", body);
        HttpResponse<String> readiness = http().anonymous().get("/actuator/health/readiness");
        HttpResponse<String> health = http().anonymous().get("/actuator/health");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(Http.json(refused).path("type").asString()).endsWith("/storage-unavailable");
        assertThat(unkeyed.statusCode()).as(unkeyed.body()).isEqualTo(503);
        assertThat(unkeyed.headers().firstValue("Retry-After")).isPresent();
        assertThat(Http.json(unkeyed).path("type").asString()).endsWith("/storage-unavailable");
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(took).isLessThan(Duration.ofSeconds(30));

        DATABASE.mend();
        HttpResponse<String> retried = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> http().postJson("/api/agenda-items", body, "Idempotency-Key", key),
                        response -> response.statusCode() != 503);
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
        HttpResponse<String> again = http().postJson("/api/agenda-items", body, "Idempotency-Key", key);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(Http.json(again).path("id").asString())
                .isEqualTo(Http.json(retried).path("id").asString());
        assertThat(http().anonymous().get("/actuator/health/readiness").statusCode())
                .isEqualTo(200);
    }

    private Http http() {
        return Http.localhost(port);
    }
}
