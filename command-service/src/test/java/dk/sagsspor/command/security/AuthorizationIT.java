package dk.sagsspor.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.sagsspor.command.CommandApi;
import dk.sagsspor.testsupport.Http;
import dk.sagsspor.testsupport.RandomLetters;
import dk.sagsspor.testsupport.RealInfrastructure;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Who may do what on the command side: every endpoint group against every kind of user, with the status each must
 * get. The users are those of {@code sagsspor-test-users.properties}: {@code nord} is a secretary of KKR Nordjylland,
 * {@code midt} of KKR Midtjylland.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthorizationIT {

    static final String NORD = "KKR Nordjylland";
    static final List<String> USERS = List.of("anonymous", "reader", "midt", "nord", "admin", "monitoring", "auditor");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "command");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyEndpointGroupAnswersEveryKindOfUserAsItShould() {
        CommandApi api = new CommandApi(port, jdbc);
        Map<String, Function<Http, HttpResponse<String>>> groups = new LinkedHashMap<>();
        groups.put("propose an item of KKR Nordjylland", http -> http.postJson("/api/agenda-items", """
                {"committee": "KKR Nordjylland", "title": "Eventuelt"}"""));
        groups.put("schedule a meeting of KKR Nordjylland", http -> http.postJson("/api/meetings", """
                {"committee": "KKR Nordjylland", "start": "2032-01-09T10:00", "location": "Aalborg"}"""));
        groups.put(
                "revise an existing item of KKR Nordjylland",
                http -> http.send(
                        "PATCH",
                        "/api/agenda-items/" + api.propose(NORD, "Til revision"),
                        "{\"title\": \"Revideret\"}"));
        groups.put(
                "withdraw an existing item of KKR Nordjylland",
                http -> http.postJson(
                        "/api/agenda-items/" + api.propose(NORD, "Trækkes") + "/withdrawal",
                        "{\"reason\": \"Udgår\"}"));
        groups.put(
                "enter a staff member",
                http -> http.send(
                        "PUT", "/api/staff/aut" + suffix(), "{\"name\": \"Anne Thomsen\", \"email\": \"aut@kl.dk\"}"));
        groups.put("verify the event chain", http -> http.get("/api/audit/verification"));
        groups.put("see the seals", http -> http.get("/api/audit/seals"));
        groups.put("liveness", http -> http.get("/actuator/health/liveness"));
        groups.put("readiness", http -> http.get("/actuator/health/readiness"));
        groups.put("metrics", http -> http.get("/actuator/prometheus"));

        Map<String, List<Integer>> expected = new LinkedHashMap<>();
        // anonymous, reader, midt, nord, admin, monitoring, auditor
        expected.put("propose an item of KKR Nordjylland", List.of(401, 403, 403, 201, 403, 403, 403));
        expected.put("schedule a meeting of KKR Nordjylland", List.of(401, 403, 403, 201, 403, 403, 403));
        expected.put("revise an existing item of KKR Nordjylland", List.of(401, 403, 403, 200, 403, 403, 403));
        expected.put("withdraw an existing item of KKR Nordjylland", List.of(401, 403, 403, 200, 403, 403, 403));
        expected.put("enter a staff member", List.of(401, 403, 403, 403, 200, 403, 403));
        expected.put("verify the event chain", List.of(401, 403, 403, 403, 200, 403, 200));
        expected.put("see the seals", List.of(401, 403, 403, 403, 200, 403, 200));
        expected.put("liveness", List.of(200, 200, 200, 200, 200, 200, 200));
        expected.put("readiness", List.of(200, 200, 200, 200, 200, 200, 200));
        expected.put("metrics", List.of(401, 403, 403, 403, 200, 200, 403));

        Map<String, List<Integer>> actual = new LinkedHashMap<>();
        groups.forEach((group, request) -> actual.put(
                group,
                USERS.stream().map(user -> request.apply(as(user)).statusCode()).toList()));

        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void aSecretaryOfAnotherCommitteeHearsWhichCommitteeItIs() {
        String item = new CommandApi(port, jdbc).propose(NORD, "Nordjysk punkt");

        HttpResponse<String> refused =
                as("midt").postJson("/api/agenda-items/" + item + "/withdrawal", "{\"reason\": \"x\"}");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Http.json(refused).path("type").asString())
                .isEqualTo("https://sagsspor.dk/problems/not-your-committee");
        assertThat(Http.json(refused).path("committee").asString()).isEqualTo(NORD);
        assertThat(new CommandApi(port, jdbc).events(item)).containsExactly("AgendaItemProposed");
    }

    @Test
    void noCredentialsOrAWrongPasswordIsAskedToLogIn() {
        HttpResponse<String> anonymous = as("anonymous").postJson("/api/agenda-items", "{}");
        HttpResponse<String> wrong = as("anonymous")
                .withAuthorization("Basic " + java.util.Base64.getEncoder().encodeToString("nord:guess".getBytes()))
                .postJson("/api/agenda-items", "{}");

        for (HttpResponse<String> response : List.of(anonymous, wrong)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"sagsspor\"");
            assertThat(Http.json(response).path("type").asString())
                    .isEqualTo("https://sagsspor.dk/problems/unauthenticated");
        }
    }

    @Test
    void anIdempotencyKeyIsReplayedOnlyForTheUserWhoUsedIt() {
        String body = "{\"committee\": \"KKR Nordjylland\", \"title\": \"Eventuelt\"}";
        String key = "authz-" + UUID.randomUUID();
        HttpResponse<String> first = as("nord").postJson("/api/agenda-items", body, "Idempotency-Key", key);
        assertThat(first.statusCode()).isEqualTo(201);

        assertThat(as("anonymous")
                        .postJson("/api/agenda-items", body, "Idempotency-Key", key)
                        .statusCode())
                .isEqualTo(401);
        assertThat(as("reader")
                        .postJson("/api/agenda-items", body, "Idempotency-Key", key)
                        .statusCode())
                .isEqualTo(403);
        assertThat(as("tester")
                        .postJson("/api/agenda-items", body, "Idempotency-Key", key)
                        .statusCode())
                .as("another secretary's key")
                .isEqualTo(422);
        HttpResponse<String> retry = as("nord").postJson("/api/agenda-items", body, "Idempotency-Key", key);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(retry.body()).isEqualTo(first.body());
    }

    private Http as(String user) {
        Http http = Http.localhost(port);
        return user.equals("anonymous") ? http.anonymous() : http.as(user);
    }

    private static String suffix() {
        return RandomLetters.of(4);
    }
}
