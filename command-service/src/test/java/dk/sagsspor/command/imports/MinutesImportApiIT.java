package dk.sagsspor.command.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dk.sagsspor.testsupport.Http;
import dk.sagsspor.testsupport.RealInfrastructure;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The dry run over HTTP: the structure of real minutes as JSON, a refusal for what is not minutes, nothing recorded. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MinutesImportApiIT {

    static final String PATH = "/api/imports/minutes?dryRun=true";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "command");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDryRunAnswersTheMinutesStructureAndRecordsNothing() {
        long events = events();

        HttpResponse<String> response = Http.localhost(port)
                .as("nord")
                .post(PATH, "text/plain", MinutesParserTest.sample("000_568beadeaf072874.txt"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode minutes = Http.json(response);
        assertThat(minutes.path("committee").asString()).isEqualTo("KKR Nordjylland");
        assertThat(minutes.path("meetingDate").asString()).isEqualTo("2025-04-11");
        assertThat(minutes.path("items")).hasSize(12);
        JsonNode item = minutes.path("items").get(3);
        assertThat(item.path("number").asString()).isEqualTo("3.1");
        assertThat(item.path("section").asString()).isEqualTo("Regionalpolitiske sager");
        assertThat(item.path("title").asString()).isEqualTo("Kommunernes økonomiforhandlinger for 2026");
        assertThat(item.path("caseNumber").asString()).isEqualTo("SAG-2025-00681");
        assertThat(item.path("officers").valueStream().map(JsonNode::asString)).containsExactly("haan", "hast");
        assertThat(minutes.path("nextMeeting").path("date").asString()).isEqualTo("2025-06-20");
        assertThat(minutes.path("deadlines").get(1).path("date").asString()).isEqualTo("2025-05-31");
        assertThat(minutes.path("deadlines").get(1).path("itemNumber").asString())
                .isEqualTo("3.4");
        assertThat(minutes.path("participants").get(0).path("name").asString()).isEqualTo("Lasse Frimand Jensen");
        assertThat(minutes.path("warnings")).isEmpty();
        assertThat(events()).as("a dry run records nothing").isEqualTo(events);
    }

    @Test
    void readsMinutesSentAsPdfAndRefusesBytesThatAreNoPdf() throws Exception {
        byte[] pdf = SamplePdfs.fromText(MinutesParserTest.sample("000_568beadeaf072874.txt"));
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + PATH))
                .header("Content-Type", "application/pdf")
                .header(
                        "Authorization",
                        "Basic "
                                + java.util.Base64.getEncoder()
                                        .encodeToString(
                                                "nord:nord-password".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(pdf))
                .build();

        HttpResponse<String> response =
                java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Http.json(response).path("items")).hasSize(12);
        HttpResponse<String> garbage = Http.localhost(port).post(PATH, "application/pdf", "%PDF-1.4 nothing else");
        assertThat(garbage.statusCode()).isEqualTo(422);
        assertThat(Http.json(garbage).path("detail").asString()).startsWith("Not a readable PDF");
    }

    @Test
    void refusesTheBundleOfAppendicesWithAProblemThatSaysWhy() {
        HttpResponse<String> refused = Http.localhost(port)
                .post(PATH, "text/plain; charset=UTF-8", MinutesParserTest.sample("003_cb4ccf0d5ac4c3a0.txt"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Http.json(refused).path("type").asString()).isEqualTo("https://sagsspor.dk/problems/not-minutes");
        assertThat(Http.json(refused).path("detail").asString()).contains("No agenda items", "SAG-");
    }

    @Test
    void importingItselfIsNotAvailableYetAndReadersMayNotImport() {
        String text = MinutesParserTest.sample("000_568beadeaf072874.txt");

        assertThat(Http.localhost(port)
                        .post("/api/imports/minutes", "text/plain", text)
                        .statusCode())
                .isEqualTo(501);
        assertThat(Http.localhost(port)
                        .as("reader")
                        .post(PATH, "text/plain", text)
                        .statusCode())
                .isEqualTo(403);
        assertThat(Http.localhost(port)
                        .anonymous()
                        .post(PATH, "text/plain", text)
                        .statusCode())
                .isEqualTo(401);
        assertThat(Http.localhost(port).post(PATH, "application/msword", "x").statusCode())
                .isEqualTo(415);
    }

    private long events() {
        return jdbc.sql("select count(*) from domainevententry")
                .query(Long.class)
                .single();
    }
}
