package dk.sagsspor.command.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import dk.sagsspor.testsupport.Http;
import dk.sagsspor.testsupport.RealInfrastructure;
import dk.sagsspor.testsupport.Topics;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The relay is woken when a command's transaction has committed, not before: a request with an
 * {@code Idempotency-Key} records its events in the transaction that also stores the key, which commits after Axon's
 * own unit of work. Woken at the inner commit, the event store's reader found nothing yet and slept until its next
 * poll — ~300 ms of relay lag on average under load (deploy/benchmark), up to the whole fetch delay when idle. The
 * fetch delay here is far longer than the test waits, so only a wake-up after the commit gets the event out in time.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sagsspor.event-store.fetch-delay=120s")
class RelayAfterCommitIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "command");
    }

    @LocalServerPort
    int port;

    @Autowired
    PublishingProperties properties;

    @Test
    void relaysAnIdempotentRequestsEventAsSoonAsItsTransactionCommits() {
        HttpResponse<String> proposed =
                propose("Idempotency-Key", UUID.randomUUID().toString());

        assertThat(proposed.statusCode()).isEqualTo(201);
        String id = Http.json(proposed).path("id").asString();
        assertThat(Topics.firstRecordWithKey(properties.topic(), id, Duration.ofSeconds(15)))
                .isNotNull();
    }

    @Test
    void relaysAPlainRequestsEventAsSoonAsItsTransactionCommits() {
        HttpResponse<String> proposed = propose("X-Correlation-Id", "plain-request");

        assertThat(proposed.statusCode()).isEqualTo(201);
        String id = Http.json(proposed).path("id").asString();
        assertThat(Topics.firstRecordWithKey(properties.topic(), id, Duration.ofSeconds(15)))
                .isNotNull();
    }

    private HttpResponse<String> propose(String header, String value) {
        return Http.localhost(port)
                .postJson(
                        "/api/agenda-items",
                        "{\"committee\": \"KKR Nordjylland\", \"title\": \"Relæ efter commit\"}",
                        header,
                        value);
    }
}
