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
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                jar,
                "--server.port=" + commandPort,
                "--spring.config.import=file:" + users));
        command.addAll(RealInfrastructure.arguments(database));
        commandService = new ProcessBuilder(command)
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

    /**
     * Two sets of real minutes imported for a committee of their own (the texts' committee renamed, so no other test's
     * meetings are in the way): their events carry the meetings' dates as business time, so the read side dates the
     * items, decisions and versions by the meetings; and the minutes' "Punkter til næste møde" are promises checked
     * against the next agenda — the 2023 promise missed by the 2025 meeting, the 2025 promise open, planned when the item
     * is put on the next agenda, kept when that agenda is sent out.
     */
    @Test
    void importedMinutesAreDatedByTheirMeetingsAndTheirPromisesCheckedAgainstTheNextAgenda() {
        String committee = "KKR Vestjylland";
        Http query = Http.localhost(port);
        for (String sample : List.of("002_bdad476e3f54bb17.txt", "000_568beadeaf072874.txt")) {
            HttpResponse<String> imported = commands.post(
                    "/api/imports/minutes",
                    "text/plain; charset=UTF-8",
                    sample(sample).replace("KKR Nordjylland", committee));
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        }
        String meeting = Http.json(await().atMost(Duration.ofSeconds(30))
                        .until(
                                () -> query.get("/api/meetings?committee=" + committee.replace(" ", "%20")
                                        + "&from=2025-04-11&to=2025-04-11"),
                                response -> Http.json(response).path("data").size() == 1
                                        && Http.json(response)
                                                .path("data")
                                                .get(0)
                                                .path("meetingState")
                                                .asString()
                                                .equals("closed")))
                .path("data")
                .get(0)
                .path("id")
                .asString();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> Http.json(query.get("/api/agenda-items?committee=" + committee.replace(" ", "%20")
                                        + "&pageSize=100"))
                                .path("pagination")
                                .path("totalElements")
                                .asLong()
                        == 23);
        // imported history is not carried over: the 2023 minutes' one undecided item is "Eventuelt", a standing item
        // that ends with its meeting; nothing of 2023 lands on the 2025 meeting or later, nothing is outstanding
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        Http.json(query.get("/api/agenda-items/outstanding?committee=" + committee.replace(" ", "%20")))
                                        .path("pagination")
                                        .path("totalElements")
                                        .asLong()
                                == 0);
        JsonNode asPublished = Http.json(query.get("/api/meetings/" + meeting + "?asOf=2025-04-12T00:00"));
        assertThat(asPublished.path("agendaItem").size())
                .as("the day after the meeting, its whole agenda was there")
                .isEqualTo(12);
        assertThat(query.get("/api/meetings/" + meeting + "?asOf=2025-04-10T00:00")
                        .statusCode())
                .as("before the meeting, nothing was")
                .isEqualTo(404);
        String item = asPublished.path("agendaItem").get(0).path("id").asString();
        JsonNode view = Http.json(query.get("/api/agenda-items/" + item));
        assertThat(view.path("created").asString()).startsWith("2025-04-11");
        JsonNode timeline =
                Http.json(query.get("/api/agenda-items/" + item + "/timeline")).path("data");
        assertThat(timeline.get(0).path("time").asString()).isEqualTo("2025-04-11T10:00:00+02:00");
        assertThat(java.time.OffsetDateTime.parse(
                                timeline.get(0).path("recorded").asString())
                        .toInstant())
                .as("recorded when imported")
                .isAfter(java.time.Instant.now().minus(Duration.ofMinutes(10)));
        assertThat(timeline.get(0).path("actor").asString()).isEqualTo(Http.TESTER);

        JsonNode all = Http.json(query.get("/api/promises?committee=" + committee.replace(" ", "%20")))
                .path("data");
        List<JsonNode> promises = all.valueStream()
                .filter(promise -> promise.path("source").asString().equals("minutes"))
                .toList();
        assertThat(promises).hasSize(2);
        assertThat(promises.get(0).path("title").asString()).isEqualTo("KKR fremadrettet");
        assertThat(promises.get(0).path("nextMeetingDate").asString()).isEqualTo("2025-06-20");
        assertThat(promises.get(0).path("status").asString()).isEqualTo("open");
        assertThat(promises.get(1).path("title").asString()).isEqualTo("Socialtilsyn Nords årsrapport for 2022");
        assertThat(promises.get(1).path("status").asString())
                .as("the committee's next meeting after 2023-04-28 here is 2025-04-11, without it")
                .isEqualTo("missed");
        assertThat(promises.get(1).path("nextMeetingId").asString()).isEqualTo(meeting);

        // the 2025 decisions' undertakings (items 3.5 and 4.1 look ahead to a coming meeting) are offered; a
        // secretary accepts one under a title of their own and dismisses the other
        List<JsonNode> suggested = all.valueStream()
                .filter(promise -> promise.path("status").asString().equals("suggested"))
                .toList();
        assertThat(suggested)
                .extracting(p -> p.path("quote").asString())
                .containsExactly(
                        "KKR Vestjylland efterspurgt en temadrøftelse på et kommende KKR-møde omkring udgifter på det"
                                + " specialiserede socialområde, herunder fokus på samspillet med Socialtilsynet, beregning af"
                                + " takster mm.",
                        "Ønske om en temadrøftelse af udgiftsudviklingen på det specialiserede socialområdet på det kommende"
                                + " møde i KKR.");
        assertThat(suggested).allSatisfy(p -> {
            assertThat(p.path("meetingId").asString()).isEqualTo(meeting);
            assertThat(p.path("source").asString()).isEqualTo("decision");
            assertThat(p.path("fromAgendaItemId").asString()).isNotBlank();
        });
        ok(commands.send("PUT", "/api/meetings/" + meeting + "/undertakings", """
                {"agendaItemId": "%s", "quote": "%s", "accepted": true,
                 "title": "Temadrøftelse om udgifter på det specialiserede socialområde"}""".formatted(
                        suggested.get(0).path("fromAgendaItemId").asString(),
                        suggested.get(0).path("quote").asString())));
        ok(commands.send("PUT", "/api/meetings/" + meeting + "/undertakings", """
                {"agendaItemId": "%s", "quote": "%s", "accepted": false}""".formatted(
                        suggested.get(1).path("fromAgendaItemId").asString(),
                        suggested.get(1).path("quote").asString())));
        JsonNode accepted = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> Http.json(query.get("/api/promises?meeting=" + meeting))
                                .path("data"),
                        data -> data.valueStream()
                                .noneMatch(p -> p.path("status").asString().equals("suggested")));
        assertThat(accepted.valueStream()
                        .filter(p -> p.path("source").asString().equals("decision")))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.path("title").asString())
                            .isEqualTo("Temadrøftelse om udgifter på det specialiserede socialområde");
                    assertThat(p.path("status").asString()).isEqualTo("open");
                    assertThat(p.path("quote").asString())
                            .isEqualTo(suggested.get(0).path("quote").asString());
                });

        String next = created(commands.postJson(
                "/api/meetings",
                "{\"committee\": \"" + committee + "\", \"start\": \"2025-06-20T10:00\", \"location\": \"Aalborg\"}"));
        String promised = created(commands.postJson(
                "/api/agenda-items",
                "{\"committee\": \"" + committee + "\", \"title\": \"KKR fremadrettet – temaer for 2026\"}"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> commands.postJson(
                                        "/api/agenda-items/" + promised + "/scheduling",
                                        "{\"meetingId\": \"" + next + "\", \"number\": \"3.1\"}")
                                .statusCode()
                        == 200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Http.json(query.get("/api/promises?status=planned&meeting=" + meeting))
                        .path("data")
                        .path(0)
                        .path("agendaItemId")
                        .asString()
                        .equals(promised));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> commands.postJson("/api/meetings/" + next + "/agenda-publication", "{}")
                                .statusCode()
                        == 200);

        JsonNode kept = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> Http.json(query.get(
                                        "/api/promises?status=kept&committee=" + committee.replace(" ", "%20")))
                                .path("data"),
                        data -> data.size() == 1);
        assertThat(kept.get(0).path("meetingId").asString()).isEqualTo(meeting);
        assertThat(kept.get(0).path("agendaItemId").asString()).isEqualTo(promised);
        assertThat(kept.get(0).path("agendaNumber").asString()).isEqualTo("3.1");
        assertThat(Http.json(query.get("/api/meetings/" + next))
                        .path("agendaItem")
                        .findValuesAsString("id"))
                .as("nothing of the imported history was carried onto the next meeting")
                .containsExactly(promised);
        assertThat(kept.get(0).path("status").asString())
                .as("in the form the parameter takes")
                .isEqualTo("kept");
        assertThat(query.get("/api/promises?status=broken").statusCode()).isEqualTo(400);
    }

    private static String sample(String name) {
        try (var in = EndToEndIT.class.getResourceAsStream("/samples/minutes/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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
