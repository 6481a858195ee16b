package dk.sagsspor.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dk.sagsspor.testsupport.Http;
import dk.sagsspor.testsupport.RealInfrastructure;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Kafka down (nothing listens where the service looks for it): the operator's status page still answers promptly,
 * from what the database knows, with Kafka's part marked unknown — and asking for it does not flood the log.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sagsspor.alerts.enabled=false", "spring.kafka.admin.operation-timeout=2s"})
@ExtendWith(OutputCaptureExtension.class)
class KafkaOutageIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Map<String, Object> properties = RealInfrastructure.properties("query_kafka_outage");
        properties.forEach((name, value) -> registry.add(name, () -> value));
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + deadPort());
    }

    @LocalServerPort
    int port;

    @Test
    void theProjectionStatusAnswersPromptlyWithKafkaUnknownAndWithoutFloodingTheLog(CapturedOutput output) {
        int charsBefore = output.getAll().length();
        long started = System.nanoTime();

        HttpResponse<String> status = Http.localhost(port).get("/api/admin/projections");

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
        assertThat(took).isLessThan(Duration.ofSeconds(15));
        JsonNode first = Http.json(status).get(0);
        assertThat(first.path("kafka").asString()).isEqualTo("unavailable");
        assertThat(first.path("lag").isNull()).isTrue();
        assertThat(first.has("deadLetters")).isTrue();
        String logged = output.getAll().substring(charsBefore);
        // the 18 consumers warn about the outage on their own, each every few seconds; the status call adds a line
        assertThat(logged.lines().filter(line -> line.contains("AdminClient")).count())
                .as("admin client log lines written while answering")
                .isLessThan(10);
        assertThat(logged.lines().count())
                .as("log lines written while answering")
                .isLessThan(500);
    }

    private static int deadPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
