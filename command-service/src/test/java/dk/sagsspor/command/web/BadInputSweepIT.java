package dk.sagsspor.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import dk.sagsspor.command.CommandApi;
import dk.sagsspor.testsupport.Http;
import dk.sagsspor.testsupport.RealInfrastructure;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A sweep of bad input over the command API, as a careless or hostile client sends it: each field of each body given a
 * wrong JSON type, a control character, an impossible date; bodies that are no JSON object; ids that are no ids;
 * entity tags a write must refuse. Every answer must be a 4xx RFC 9457 problem with a type from our catalogue — never
 * a 5xx, never a container page — and a field's mistake must be a 400 that names the field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadInputSweepIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "command");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** A request of the sweep: what it is, and whether its answer must name a field. */
    private record Case(
            String what,
            String method,
            String path,
            String contentType,
            String body,
            String field,
            String... headers) {}

    @Test
    void everyBadRequestIsAPreciseProblemAndNoneIsA5xx() {
        CommandApi api = new CommandApi(port, jdbc);
        String committee = "KKR Sweep " + UUID.randomUUID();
        String meeting = api.scheduleMeeting(committee, "2031-05-01T10:00");
        String item = api.propose(committee, "Punkt til fejesweep");

        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("/api/meetings", """
                {"committee": "%s", "start": "2031-05-01T10:00", "location": "Aalborg"}""".formatted(committee));
        bodies.put("/api/agenda-items", """
                {"committee": "%s", "title": "T", "caseNumber": "SAG-2031-00001", "caseOfficers": ["haan"]}""".formatted(committee));
        bodies.put("/api/agenda-items/" + item + "/follow-ups", """
                {"description": "Svar", "dueDate": "2031-06-01", "assignee": "hast", "source": "senest 1. juni"}""");
        bodies.put("/api/agenda-items/" + item + "/scheduling", """
                {"meetingId": "%s", "number": "3.1"}""".formatted(meeting));
        bodies.put("/api/meetings/" + meeting + "/next-agenda-promise", """
                {"nextMeetingDate": "2031-06-12", "expectedItems": ["Budget"]}""");

        List<Case> cases = new ArrayList<>();
        for (Map.Entry<String, String> endpoint : bodies.entrySet()) {
            String path = endpoint.getKey();
            String method = path.endsWith("next-agenda-promise") ? "PUT" : "POST";
            ObjectNode valid = (ObjectNode) JSON.readTree(endpoint.getValue());
            for (String field : valid.propertyNames()) {
                JsonNode good = valid.get(field);
                Map<String, Object> wrong = new LinkedHashMap<>();
                wrong.put("a number", 123);
                wrong.put("an object", Map.of("a", 1));
                wrong.put("true", true);
                if (good.isArray()) {
                    wrong.put("a string for a list", "x");
                    wrong.put("a NUL in a list's text", List.of("a\u0000b"));
                } else {
                    wrong.put("a list", List.of("x"));
                    wrong.put("a NUL character", "a\u0000b");
                    wrong.put("a bell character", "a\u0007b");
                }
                if (field.toLowerCase().contains("date") || field.equals("start")) {
                    wrong.put("February 30th", field.equals("start") ? "2031-02-30T10:00" : "2031-02-30");
                    wrong.put("no date at all", "next week");
                }
                if (field.equals("start")) {
                    wrong.put("a time the clocks skip", "2031-03-30T02:30");
                }
                for (Map.Entry<String, Object> mistake : wrong.entrySet()) {
                    ObjectNode body = valid.deepCopy();
                    body.set(field, JSON.valueToTree(mistake.getValue()));
                    cases.add(new Case(
                            method + " " + path + ": " + field + " as " + mistake.getKey(),
                            method,
                            path,
                            "application/json",
                            JSON.writeValueAsString(body),
                            field));
                }
            }
            Map<String, String> notAnObject = new LinkedHashMap<>();
            notAnObject.put("cut short", "{\"committee\": ");
            notAnObject.put("empty", "");
            notAnObject.put("a list", "[]");
            notAnObject.put("null", "null");
            notAnObject.put("a string", "\"text\"");
            notAnObject.put("trailing text", endpoint.getValue() + " x");
            notAnObject.put("a comment", "/* */ " + endpoint.getValue());
            notAnObject.forEach((what, body) -> cases.add(
                    new Case(method + " " + path + ": a body " + what, method, path, "application/json", body, null)));
            cases.add(new Case(
                    method + " " + path + ": JSON sent as text",
                    method,
                    path,
                    "text/plain",
                    endpoint.getValue(),
                    null));
            cases.add(new Case(
                    method + " " + path + ": JSON sent as XML",
                    method,
                    path,
                    "application/xml",
                    endpoint.getValue(),
                    null));
        }
        for (String id : List.of("not-a-uuid", UUID.randomUUID().toString(), "%20", "a%2Fb")) {
            cases.add(new Case(
                    "an item id " + id,
                    "POST",
                    "/api/agenda-items/" + id + "/withdrawal",
                    "application/json",
                    "{\"reason\": \"Ikke aktuelt\"}",
                    null));
            cases.add(new Case(
                    "a meeting id " + id, "POST", "/api/meetings/" + id + "/opening", "application/json", "{}", null));
        }
        for (String tag : List.of("W/\"0\"", "\"abc\"", "0", "\"\"", "*, \"0\"")) {
            cases.add(new Case(
                    "If-Match " + tag,
                    "POST",
                    "/api/agenda-items/" + item + "/withdrawal",
                    "application/json",
                    "{\"reason\": \"Ikke aktuelt\"}",
                    null,
                    "If-Match",
                    tag));
        }
        cases.add(new Case(
                "a 300-character Idempotency-Key",
                "POST",
                "/api/agenda-items",
                "application/json",
                bodies.get("/api/agenda-items"),
                null,
                "Idempotency-Key",
                "k".repeat(300)));

        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            HttpResponse<String> response =
                    api.http().sendAs(c.method(), c.path(), c.contentType(), c.body(), c.headers());
            String verdict = verdict(c, response);
            if (verdict != null) {
                wrong.add(c.what() + " → " + response.statusCode() + " " + verdict + ": " + response.body());
            }
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(125);
        assertThat(wrong).as("of %d bad requests", cases.size()).isEmpty();
    }

    /** Null if the answer is right for the case, else what is wrong with it. */
    private static String verdict(Case c, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status < 400 || status >= 500) {
            return "not a 4xx";
        }
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return "not a problem";
        }
        JsonNode problem = Http.json(response);
        if (!problem.path("type").asString().startsWith("https://sagsspor.dk/problems/")) {
            return "a problem of no type of ours";
        }
        if (c.field() != null
                && (status != 400
                        || problem.path("errors").findValuesAsString("field").stream()
                                .noneMatch(f -> f.equals(c.field())
                                        || f.startsWith(c.field() + "[")
                                        || f.startsWith(c.field() + ".")))) {
            return "does not name " + c.field();
        }
        return null;
    }
}
