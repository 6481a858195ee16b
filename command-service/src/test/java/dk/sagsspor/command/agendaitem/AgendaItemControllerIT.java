package dk.sagsspor.command.agendaitem;

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

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AgendaItemControllerIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "command");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void proposingAnswersCreatedWithLocationAndStoresTheEvent() {
        HttpResponse<String> response = post("""
                {"committee": "KKR Nordjylland", "title": "Orientering om Udviklingsgruppen",
                 "caseNumber": "SAG-2025-00681", "caseOfficers": ["haan", "hast"],
                 "background": "Baggrund", "recommendation": "Det indstilles, at ..."}""", "application/json");

        assertThat(response.statusCode()).isEqualTo(201);
        String id = Http.json(response).path("id").asString();
        assertThat(response.headers().firstValue("Location")).contains("/api/agenda-items/" + id);
        assertThat(response.headers().firstValue("ETag")).contains("\"0\"");
        assertThat(response.headers().firstValue("X-Correlation-Id")).isPresent();
        String metaData = jdbc.sql(
                        "select convert_from(metadata, 'UTF8') from domainevententry where aggregateidentifier = ?")
                .param(id)
                .query(String.class)
                .single();
        String correlationId = response.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThat(metaData).contains("\"actor\":\"tester\"", "\"traceId\":\"" + correlationId + "\"");
    }

    @Test
    void keepsTheCallersCorrelationId() {
        HttpResponse<String> response = Http.localhost(port)
                .postJson(
                        "/api/agenda-items",
                        "{\"committee\": \"KKR\", \"title\": \"T\"}",
                        "X-Correlation-Id",
                        "req-2025-04-11-001");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("X-Correlation-Id")).contains("req-2025-04-11-001");
    }

    @Test
    void rejectsProposalWithoutTitleAndMalformedCaseNumberWithProblemDetail() {
        HttpResponse<String> response =
                post("{\"committee\": \"KKR Nordjylland\", \"caseNumber\": \"2025-681\"}", "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = Http.json(response);
        assertThat(problem.path("title").asString()).isEqualTo("Invalid request");
        assertThat(problem.path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("title", "caseNumber");
    }

    @Test
    void refusesANulCharacterInAnyTextAndNamesTheFieldAndRecordsNothing() {
        HttpResponse<String> response = post(
                "{\"committee\": \"KKR Nordjylland\", \"title\": \"Nul\\u0000tegn\", \"background\": \"ok\\tog\\nok\"}",
                "application/json");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = Http.json(response);
        assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("title");
        assertThat(problem.path("errors").findValuesAsString("message").get(0)).contains("U+0000");
        assertThat(jdbc.sql(
                                "select count(*) from domainevententry where convert_from(payload, 'UTF8') like '%Nul%tegn%'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anItemWhoseStoredFirstEventHoldsANulCharacterStillTakesCommands() {
        // as events recorded before the edge refused NUL: the committee check must not depend on PostgreSQL's jsonb
        String id = Http.json(post("{\"committee\": \"KKR Nordjylland\", \"title\": \"Titel\"}", "application/json"))
                .path("id")
                .asString();
        jdbc.sql("""
                        update domainevententry
                           set payload = convert_to(replace(convert_from(payload, 'UTF8'), 'Titel', 'Ti\\u0000tel'), 'UTF8')
                         where aggregateidentifier = ? and sequencenumber = 0""").param(id).update();

        HttpResponse<String> revised =
                Http.localhost(port).send("PATCH", "/api/agenda-items/" + id, "{\"background\": \"Ny baggrund\"}");

        assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
    }

    @Test
    void rejectsInvalidOfficerInitials() {
        HttpResponse<String> response = post(
                "{\"committee\": \"KKR Nordjylland\", \"title\": \"T\", \"caseOfficers\": [\"Hanne Hansen\"]}",
                "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response).path("errors").findValuesAsString("field"))
                .containsExactly("caseOfficers[0]");
    }

    @Test
    void rejectsMalformedJsonWithProblemDetail() {
        HttpResponse<String> response = post("{\"committee\": ", "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void rejectsOtherMediaTypesWithProblemDetail() {
        HttpResponse<String> response = post("committee=KKR", "application/x-www-form-urlencoded");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void rejectedProposalsRecordNothing() {
        String committee = "Udvalg " + java.util.UUID.randomUUID();

        HttpResponse<String> response = post(
                "{\"committee\": \"%s\", \"title\": \"Gyldig\", \"caseOfficers\": [\"X\"]}".formatted(committee),
                "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        Long recorded = jdbc.sql("select count(*) from domainevententry where convert_from(payload, 'UTF8') like ?")
                .param("%" + committee + "%")
                .query(Long.class)
                .single();
        assertThat(recorded).isZero();
    }

    private HttpResponse<String> post(String body, String contentType) {
        return Http.localhost(port).post("/api/agenda-items", contentType, body);
    }
}
