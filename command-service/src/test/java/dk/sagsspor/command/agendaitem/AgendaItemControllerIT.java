package dk.sagsspor.command.agendaitem;

import static org.assertj.core.api.Assertions.assertThat;

import dk.sagsspor.testsupport.RealInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AgendaItemControllerIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "command");
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void proposingAnswersCreatedWithLocationAndStoresTheEvent() throws Exception {
        HttpResponse<String> response = post("""
                {"committee": "KKR Nordjylland", "title": "Orientering om Udviklingsgruppen",
                 "caseNumber": "SAG-2025-00681", "caseOfficers": ["haan", "hast"],
                 "background": "Baggrund", "recommendation": "Det indstilles, at ..."}""", "application/json");

        assertThat(response.statusCode()).isEqualTo(201);
        String id = JSON.readTree(response.body()).path("id").asString();
        assertThat(response.headers().firstValue("Location")).contains("/api/agenda-items/" + id);
        assertThat(response.headers().firstValue("ETag")).contains("\"0\"");
        assertThat(response.headers().firstValue("X-Correlation-Id")).isPresent();
        String metaData = jdbc.sql(
                        "select convert_from(metadata, 'UTF8') from domainevententry where aggregateidentifier = ?")
                .param(id)
                .query(String.class)
                .single();
        String correlationId = response.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThat(metaData).contains("\"actor\":\"anonymous\"", "\"traceId\":\"" + correlationId + "\"");
    }

    @Test
    void keepsTheCallersCorrelationId() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/agenda-items"))
                        .header("Content-Type", "application/json")
                        .header("X-Correlation-Id", "req-2025-04-11-001")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"committee\": \"KKR\", \"title\": \"T\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("X-Correlation-Id")).contains("req-2025-04-11-001");
    }

    @Test
    void rejectsProposalWithoutTitleAndMalformedCaseNumberWithProblemDetail() throws Exception {
        HttpResponse<String> response =
                post("{\"committee\": \"KKR Nordjylland\", \"caseNumber\": \"2025-681\"}", "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("title").asString()).isEqualTo("Invalid request");
        assertThat(problem.path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("title", "caseNumber");
    }

    @Test
    void rejectsInvalidOfficerInitials() throws Exception {
        HttpResponse<String> response = post(
                "{\"committee\": \"KKR Nordjylland\", \"title\": \"T\", \"caseOfficers\": [\"Hanne Hansen\"]}",
                "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("errors").findValuesAsString("field"))
                .containsExactly("caseOfficers[0]");
    }

    @Test
    void rejectsMalformedJsonWithProblemDetail() throws Exception {
        HttpResponse<String> response = post("{\"committee\": ", "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void rejectsOtherMediaTypesWithProblemDetail() throws Exception {
        HttpResponse<String> response = post("committee=KKR", "application/x-www-form-urlencoded");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void rejectedProposalsRecordNothing() throws Exception {
        long before = storedEvents();
        post("{\"committee\": \"\", \"title\": \"\"}", "application/json");
        assertThat(storedEvents()).isEqualTo(before);
    }

    private long storedEvents() {
        return jdbc.sql("select count(*) from domainevententry")
                .query(Long.class)
                .single();
    }

    private HttpResponse<String> post(String body, String contentType) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/agenda-items"))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
