package dk.sagsspor.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.sagsspor.testsupport.Http;
import dk.sagsspor.testsupport.RealInfrastructure;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole path, as a user meets it: the command service runs from its executable jar in its own JVM, with its own
 * database; this test JVM runs the query service. An item proposed over HTTP on one side is read back over HTTP on the
 * other, having travelled through the event store, the relay, Kafka and the projection.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sagsspor.projection.retry-attempts=1", "sagsspor.projection.retry-interval=50ms"})
class EndToEndIT {

    static final String COMMAND_SERVICE_JAR = "sagsspor.command-service.jar";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "query");
    }

    private static Process commandService;
    private static Http commands;
    private static Path commandServiceLog;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startCommandService() throws IOException {
        String jar = System.getProperty(COMMAND_SERVICE_JAR);
        assertThat(jar)
                .as(
                        "system property %s (set by the build) naming the command service's executable jar",
                        COMMAND_SERVICE_JAR)
                .isNotBlank();
        assertThat(Path.of(jar)).exists();
        String database = RealInfrastructure.postgres().createDatabase("command_e2e");
        int commandPort = freePort();
        commandServiceLog = Files.createTempFile("command-service-e2e-", ".log");
        Path users = Files.createTempFile("sagsspor-test-users-", ".properties");
        try (var resource = EndToEndIT.class.getResourceAsStream("/sagsspor-test-users.properties")) {
            Files.write(users, resource.readAllBytes());
        }
        commandService = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-jar",
                        jar,
                        "--server.port=" + commandPort,
                        "--spring.datasource.url=" + database,
                        "--spring.datasource.username="
                                + RealInfrastructure.postgres().username(),
                        "--spring.datasource.password="
                                + RealInfrastructure.postgres().password(),
                        "--spring.kafka.bootstrap-servers="
                                + RealInfrastructure.kafka().bootstrapServers(),
                        "--spring.config.import=file:" + users))
                .redirectErrorStream(true)
                .redirectOutput(commandServiceLog.toFile())
                .start();
        commands = Http.localhost(commandPort);
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    assertThat(commandService.isAlive())
                            .as("command service exited; its log:%n%s", Files.readString(commandServiceLog))
                            .isTrue();
                    try {
                        return commands.get("/actuator/health/readiness").statusCode() == 200;
                    } catch (RuntimeException notYetListening) {
                        return false;
                    }
                });
    }

    @AfterAll
    static void stopCommandService() throws InterruptedException {
        if (commandService != null) {
            commandService.destroy();
            if (!commandService.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                commandService.destroyForcibly();
            }
        }
    }

    @Test
    void itemProposedOnTheCommandSideIsReadBackFromTheQuerySide() {
        HttpResponse<String> accepted =
                commands.postJson("/api/agenda-items", """
                {"committee": "KKR Nordjylland",
                 "title": "Godkendelse af referat fra mødet den 7. februar 2025",
                 "caseNumber": "SAG-2025-00681", "caseOfficers": ["haan", "hast"],
                 "recommendation": "Det indstilles, at KKR Nordjylland godkender referatet."}""", "X-Correlation-Id", "e2e-walking-skeleton");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        String location = accepted.headers().firstValue("Location").orElseThrow();

        HttpResponse<String> read = await().atMost(Duration.ofSeconds(30))
                .until(() -> Http.localhost(port).get(location), response -> response.statusCode() == 200);

        JsonNode item = Http.json(read);
        assertThat(item.path("id").asString())
                .isEqualTo(Http.json(accepted).path("id").asString());
        assertThat(item.path("name").asString()).isEqualTo("Godkendelse af referat fra mødet den 7. februar 2025");
        assertThat(item.path("reference").asString()).isEqualTo("SAG-2025-00681");
        assertThat(item.path("recommendation").asString()).startsWith("Det indstilles");
        assertThat(item.path("createdBy").asString()).isEqualTo(Http.TESTER);
        assertThat(read.headers().firstValue("ETag"))
                .isEqualTo(accepted.headers().firstValue("ETag"));
    }

    @Test
    void aDecisionTakenOnTheCommandSideIsReadBackFromTheQuerySide() {
        String meeting = created(commands.postJson(
                "/api/meetings",
                "{\"committee\": \"KKR Nordjylland\", \"start\": \"2025-04-11T10:00\", \"location\": \"Aalborg\"}"));
        String item = created(commands.postJson(
                "/api/agenda-items",
                "{\"committee\": \"KKR Nordjylland\", \"title\": \"Regional udviklingsstrategi\"}"));
        ok(commands.postJson("/api/agenda-items/" + item + "/scheduling", "{\"meetingId\": \"" + meeting + "\"}"));
        ok(commands.postJson("/api/meetings/" + meeting + "/opening", "{}"));
        HttpResponse<String> decided = ok(commands.postJson(
                "/api/agenda-items/" + item + "/decision",
                "{\"outcome\": \"NOTED\", \"text\": \"KKR Nordjylland tog orienteringen til efterretning.\"}"));

        HttpResponse<String> read = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> Http.localhost(port).get("/api/agenda-items/" + item),
                        response -> response.statusCode() == 200
                                && response.headers()
                                        .firstValue("ETag")
                                        .equals(decided.headers().firstValue("ETag")));

        JsonNode view = Http.json(read);
        assertThat(view.path("status").asString()).isEqualTo("DECIDED");
        assertThat(view.path("result").asString()).isEqualTo("NOTED");
        assertThat(view.path("resolutionText").asString()).startsWith("KKR Nordjylland tog orienteringen");
        assertThat(view.path("meeting").asString()).isEqualTo(meeting);
        assertThat(view.path("version").asLong()).isEqualTo(2);
    }

    private static String created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Http.json(response).path("id").asString();
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
