package dk.sagsspor.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import dk.sagsspor.testsupport.ApiContract;
import dk.sagsspor.testsupport.ApiRefusals;
import dk.sagsspor.testsupport.Http;
import dk.sagsspor.testsupport.RandomLetters;
import dk.sagsspor.testsupport.RealInfrastructure;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every operation of the command API, once as it succeeds and once as it is refused, each answer checked against the
 * OpenAPI document the service serves (by {@link Http}, as every answer of every test is). It fails when an operation
 * is documented but not exercised both ways here, so a new one cannot join the API without its contract being
 * checked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiContractIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "command");
        registry.add("sagsspor.audit.settle", () -> "0s"); // the events just recorded are sealed at once
    }

    @LocalServerPort
    int port;

    @Test
    void everyOperationSucceedsAndRefusesAsItsDocumentSays() {
        Http http = Http.localhost(port);
        ApiContract.Exercise exercise = http.contract().exercise();
        Calls calls = new Calls(http, exercise);
        String committee = "KKR Nordjylland " + UUID.randomUUID();
        String initials = "c" + RandomLetters.of(5);

        calls.expect(200, "PUT", "/api/staff/" + initials, """
                {"name": "Hanne Stougaard", "email": "hast@kl.dk"}""");
        String meeting = calls.id(201, "POST", "/api/meetings", """
                {"committee": "%s", "start": "2031-04-11T10:00", "location": "Aalborg Rådhus"}""".formatted(committee));
        calls.expect(200, "PATCH", "/api/meetings/" + meeting, """
                {"start": "2031-04-11T13:00", "location": "Aalborg Rådhus", "reason": "Flyttet"}""");
        String decided = propose(calls, committee, "Trafikplan");
        String deferred = propose(calls, committee, "Budget");
        String withdrawn = propose(calls, committee, "Udgår");
        calls.expect(200, "PATCH", "/api/agenda-items/" + decided, "application/merge-patch+json", """
                {"background": "Planen er sendt i høring."}""");
        String[] items = {decided, deferred, withdrawn};
        for (int i = 0; i < items.length; i++) {
            calls.expect(200, "POST", "/api/agenda-items/" + items[i] + "/scheduling", """
                    {"meetingId": "%s", "number": "3.%d"}""".formatted(meeting, i + 1));
        }
        calls.expect(200, "DELETE", "/api/agenda-items/" + withdrawn + "/scheduling", "");
        calls.expect(200, "POST", "/api/agenda-items/" + withdrawn + "/withdrawal", """
                {"reason": "Løst administrativt"}""");
        calls.expect(
                200, "PATCH", "/api/meetings/" + meeting + "/agenda/" + decided, "application/merge-patch+json", """
                {"number": "3.4", "section": "Sager til beslutning"}""");
        calls.expect(200, "PUT", "/api/meetings/" + meeting + "/agenda/order", """
                {"agendaItemIds": ["%s", "%s"]}""".formatted(deferred, decided));
        calls.expect(200, "POST", "/api/meetings/" + meeting + "/agenda-publication", "{}");
        calls.expect(200, "POST", "/api/meetings/" + meeting + "/opening", "{}");
        calls.expect(200, "POST", "/api/agenda-items/" + decided + "/discussion", """
                {"notes": "Drøftet."}""");
        calls.expect(200, "POST", "/api/agenda-items/" + decided + "/decision", """
                {"outcome": "APPROVED", "text": "Godkendt. Svar senest den 31. maj 2031."}""");
        calls.expect(200, "POST", "/api/agenda-items/" + decided + "/decision-correction", """
                {"outcome": "APPROVED", "text": "Godkendt. Svar senest den 1. juni 2031.", "reason": "Datoen"}""");
        calls.expect(200, "POST", "/api/agenda-items/" + deferred + "/deferral", """
                {"reason": "Afventer tal fra KL"}""");
        String followUps = "/api/agenda-items/" + decided + "/follow-ups";
        String assignment = """
                {"description": "Svar til KL", "dueDate": "2031-06-01", "assignee": "%s"}""".formatted(initials);
        String done = calls.id(201, "POST", followUps, assignment);
        String dropped = calls.id(201, "POST", followUps, assignment);
        calls.expect(200, "POST", followUps + "/" + done + "/reassignment", """
                {"assignee": "%s"}""".formatted(initials));
        calls.expect(200, "POST", followUps + "/" + done + "/due-date-change", """
                {"dueDate": "2031-06-15", "reason": "Forlænget"}""");
        calls.expect(200, "POST", followUps + "/" + done + "/completion", """
                {"note": "Sendt 12. juni"}""");
        calls.expect(200, "POST", followUps + "/" + dropped + "/cancellation", """
                {"reason": "Bortfaldet"}""");
        calls.expect(200, "POST", "/api/meetings/" + meeting + "/closing", "{}");
        calls.expect(200, "PUT", "/api/meetings/" + meeting + "/next-agenda-promise", """
                {"nextMeetingDate": "2031-06-12", "expectedItems": ["Budget"]}""");
        calls.expect(200, "PUT", "/api/meetings/" + meeting + "/undertakings", """
                {"agendaItemId": "%s", "quote": "Budgettet ønskes på næste møde.", "accepted": true,
                 "title": "Budget"}""".formatted(decided));
        calls.expect(200, "POST", "/api/meetings/" + meeting + "/minutes-approval", "{}");
        String cancelled = calls.id(201, "POST", "/api/meetings", """
                {"committee": "%s", "start": "2031-09-11T10:00", "location": "Aalborg Rådhus"}""".formatted(committee));
        calls.expect(200, "POST", "/api/meetings/" + cancelled + "/cancellation", """
                {"reason": "Ingen sager"}""");
        calls.expect(200, "POST", "/api/imports/minutes?dryRun=true", "text/plain", sampleMinutes());
        calls.expect(200, "POST", "/api/audit/seals", "");
        calls.expect(200, "GET", "/api/audit/seals", "");
        calls.expect(200, "GET", "/api/audit/verification", "");
        calls.expect(
                200,
                "GET",
                "/api/audit/decision-register?committee=" + committee.replace(" ", "%20")
                        + "&from=2020-01-01&to=2040-12-31",
                "");

        ApiRefusals.refuseEveryOperation(http, exercise);

        assertThat(exercise.incomplete()).isEmpty();
    }

    private static String propose(Calls calls, String committee, String title) {
        return calls.id(201, "POST", "/api/agenda-items", """
                {"committee": "%s", "title": "%s", "caseNumber": "SAG-2031-00001"}""".formatted(committee, title));
    }

    private static String sampleMinutes() {
        try (java.io.InputStream in =
                ApiContractIT.class.getResourceAsStream("/samples/minutes/000_568beadeaf072874.txt")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private record Calls(Http http, ApiContract.Exercise exercise) {

        HttpResponse<String> expect(int status, String method, String path, String json) {
            return expect(status, method, path, "application/json", json);
        }

        HttpResponse<String> expect(int status, String method, String path, String contentType, String body) {
            HttpResponse<String> answer = exercise.record(http.sendAs(method, path, contentType, body));
            assertThat(answer.statusCode())
                    .as("%s %s: %s", method, path, answer.body())
                    .isEqualTo(status);
            return answer;
        }

        String id(int status, String method, String path, String json) {
            return Http.json(expect(status, method, path, json)).path("id").asString();
        }
    }
}
