package dk.sagsspor.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import dk.sagsspor.testsupport.Http;
import dk.sagsspor.testsupport.RealInfrastructure;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A sweep of bad query parameters over the query API: pages and page sizes out of bounds or no numbers, days and times
 * that do not exist, ids that are no ids, states no list knows. Each must be a {@code 400} problem of our catalogue
 * that names the parameter — never a 5xx, never an empty list as if the question made sense.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadParametersSweepIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "query");
    }

    @LocalServerPort
    int port;

    /** A request of the sweep and the parameter its answer must name. */
    private record Case(String path, String parameter, String value) {}

    @Test
    void everyBadParameterIsANamedProblemAndNoneIsA5xx() {
        List<Case> cases = new ArrayList<>();
        List<String> lists = List.of(
                "/api/agenda-items",
                "/api/meetings",
                "/api/decisions",
                "/api/follow-ups",
                "/api/promises",
                "/api/alerts",
                "/api/digests",
                "/api/staff",
                "/api/agenda-items/" + UUID.randomUUID() + "/timeline");
        for (String list : lists) {
            for (String page : List.of("0", "-1", "abc", "2147483648", "1.5")) {
                cases.add(new Case(list, "page", page));
            }
            for (String size : List.of("0", "-5", "100000", "x")) {
                cases.add(new Case(list, "pageSize", size));
            }
        }
        for (String list : List.of("/api/meetings", "/api/decisions", "/api/follow-ups")) {
            for (String parameter : List.of("from", "to")) {
                for (String day : List.of("2025-02-30", "tomorrow", "2025-13-01", "31-12-2025")) {
                    cases.add(new Case(list, parameter, day));
                }
            }
        }
        for (String path : List.of("/api/agenda-items", "/api/agenda-items/" + UUID.randomUUID())) {
            for (String time : List.of("yesterday", "2025-13-01", "2031-03-30T02:30", "2025-02-30T10:00")) {
                cases.add(new Case(path, "asOf", time));
            }
        }
        cases.add(new Case("/api/promises", "meeting", "not-a-uuid"));
        cases.add(new Case("/api/promises", "status", "maybe"));
        cases.add(new Case("/api/follow-ups", "state", "maybe"));
        cases.add(new Case("/api/alerts", "state", "maybe"));
        cases.add(new Case("/api/digests", "state", "maybe"));
        for (String week : List.of("2025-W53", "2025-W00", "2025-49", "next week", "2025-W5")) {
            cases.add(new Case("/api/digests", "week", week));
        }
        cases.add(new Case("/api/agenda-items", "status", "maybe"));

        List<String> wrong = new ArrayList<>();
        Http http = Http.localhost(port);
        for (Case c : cases) {
            String path = c.path() + "?" + c.parameter() + "=" + URLEncoder.encode(c.value(), StandardCharsets.UTF_8);
            HttpResponse<String> response = http.get(path);
            String verdict = verdict(c, response);
            if (verdict != null) {
                wrong.add(path + " → " + response.statusCode() + " " + verdict + ": " + response.body());
            }
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(100);
        assertThat(wrong).as("of %d bad requests", cases.size()).isEmpty();
    }

    private static String verdict(Case c, HttpResponse<String> response) {
        if (response.statusCode() != 400) {
            return "not a 400";
        }
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return "not a problem";
        }
        JsonNode problem = Http.json(response);
        if (!problem.path("type").asString().startsWith("https://sagsspor.dk/problems/")) {
            return "a problem of no type of ours";
        }
        if (!problem.path("errors").findValuesAsString("field").contains(c.parameter())) {
            return "does not name " + c.parameter();
        }
        return null;
    }
}
