package dk.sagsspor.command;

import static org.assertj.core.api.Assertions.assertThat;

import dk.sagsspor.testsupport.Http;
import dk.sagsspor.testsupport.RealInfrastructure;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Every endpoint of the command API, its answers and its refusals, on real PostgreSQL and Kafka. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LifecycleApiIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "command");
    }

    /** Each test its own committee: carry-over would otherwise move one test's items onto another's meetings. */
    String NORD;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    dk.sagsspor.command.web.IdempotencyKeyExpiry expiry;

    CommandApi api;

    @BeforeEach
    void setUp() {
        api = new CommandApi(port, jdbc);
        NORD = "KKR Nordjylland " + UUID.randomUUID();
    }

    @Test
    void aMeetingFromSchedulingToApprovedMinutes() {
        String meeting = api.scheduleMeeting(NORD, "2025-04-11T10:00");
        String minutes = api.propose(NORD, "Godkendelse af referat");
        String orientation = api.propose(NORD, "Orientering om ungeindsatsen");
        String late = api.propose(NORD, "Punkter til næste møde");

        api.schedule(minutes, meeting, "1");
        api.schedule(orientation, meeting, "3.1");
        assertThat(api.ok("/api/meetings/" + meeting + "/agenda-publication", "{}"))
                .isEqualTo(3);
        api.schedule(late, meeting, null);
        assertThat(api.lastPayload(meeting, "MeetingAgendaItemAdded")).contains("\"amendment\":true");

        HttpResponse<String> renumbered = api.http()
                .send(
                        "PATCH",
                        "/api/meetings/" + meeting + "/agenda/" + late,
                        "{\"number\": \"9\", \"section\": \"Eventuelt\"}");
        assertThat(renumbered.statusCode()).as(renumbered.body()).isEqualTo(200);
        HttpResponse<String> reordered = api.http()
                .send(
                        "PUT",
                        "/api/meetings/" + meeting + "/agenda/order",
                        "{\"agendaItemIds\": [\"%s\", \"%s\", \"%s\"]}".formatted(minutes, late, orientation));
        assertThat(reordered.statusCode()).as(reordered.body()).isEqualTo(200);

        api.ok("/api/meetings/" + meeting + "/opening", "{}");
        api.ok("/api/agenda-items/" + minutes + "/discussion", "{\"notes\": \"Ingen bemærkninger.\"}");
        api.ok(
                "/api/agenda-items/" + minutes + "/decision",
                "{\"outcome\": \"APPROVED\", \"text\": \"Referatet blev godkendt.\"}");
        api.ok("/api/agenda-items/" + orientation + "/deferral", "{\"reason\": \"Afventer tal fra KL\"}");
        api.ok("/api/agenda-items/" + late + "/withdrawal", "{\"reason\": \"Trukket af formanden\"}");
        api.ok("/api/meetings/" + meeting + "/closing", "{}");
        api.ok(
                "/api/agenda-items/" + minutes + "/decision-correction",
                "{\"outcome\": \"APPROVED_WITH_CHANGES\", \"text\": \"Godkendt med rettelse.\", \"reason\": \"Rettet ved godkendelsen\"}");
        api.ok("/api/meetings/" + meeting + "/minutes-approval", "{\"corrections\": [\"Punkt 1: stavefejl rettet\"]}");

        assertThat(api.events(meeting))
                .containsExactly(
                        "MeetingScheduled",
                        "MeetingAgendaItemAdded",
                        "MeetingAgendaItemAdded",
                        "MeetingAgendaPublished",
                        "MeetingAgendaItemAdded",
                        "MeetingAgendaItemRenumbered",
                        "MeetingAgendaReordered",
                        "MeetingOpened",
                        "MeetingClosed",
                        "MeetingMinutesApproved");
        assertThat(api.events(minutes))
                .containsExactly(
                        "AgendaItemProposed",
                        "AgendaItemScheduled",
                        "AgendaItemDiscussed",
                        "AgendaItemDecided",
                        "AgendaItemDecisionCorrected");
        assertThat(api.events(orientation))
                .containsExactly("AgendaItemProposed", "AgendaItemScheduled", "AgendaItemDeferred");
        assertThat(api.events(late))
                .containsExactly("AgendaItemProposed", "AgendaItemScheduled", "AgendaItemWithdrawn");
    }

    @Test
    void theAuthenticatedUserIsTheActorOfEveryEventAndAnXActorHeaderIsIgnored() {
        String meeting = api.scheduleMeeting("KKR Nordjylland", "2031-06-13T10:00");
        String item = api.propose("KKR Nordjylland", "Eventuelt");

        HttpResponse<String> response = api.http()
                .as("nord")
                .postJson(
                        "/api/agenda-items/" + item + "/scheduling",
                        "{\"meetingId\": \"%s\"}".formatted(meeting),
                        "X-Actor",
                        "hast",
                        "X-Correlation-Id",
                        "sched-" + item);

        assertThat(response.statusCode()).isEqualTo(200);
        for (String aggregate : new String[] {item, meeting}) {
            String metaData = jdbc.sql("""
                            select convert_from(metadata, 'UTF8') from domainevententry
                             where aggregateidentifier = ? order by sequencenumber desc limit 1""").param(aggregate).query(String.class).single();
            assertThat(metaData)
                    .contains("\"actor\":\"nord\"", "\"traceId\":\"sched-" + item + "\"")
                    .doesNotContain("hast");
        }
        HttpResponse<String> spoof =
                api.post("/api/agenda-items", "{\"committee\": \"K\", \"title\": \"T\"}", "X-Actor", "<script>");
        assertThat(spoof.statusCode()).isEqualTo(201);
        assertThat(api.lastMetaData(Http.json(spoof).path("id").asString()))
                .contains("\"actor\":\"tester\"")
                .doesNotContain("occurredAt");
    }

    @Test
    void documentsEveryEndpointInOpenApi() {
        JsonNode paths = Http.json(api.http().get("/v3/api-docs")).path("paths");

        assertThat(paths.propertyNames())
                .contains(
                        "/api/meetings",
                        "/api/meetings/{id}",
                        "/api/meetings/{id}/cancellation",
                        "/api/meetings/{id}/agenda-publication",
                        "/api/meetings/{id}/opening",
                        "/api/meetings/{id}/closing",
                        "/api/meetings/{id}/minutes-approval",
                        "/api/meetings/{id}/agenda/{agendaItemId}",
                        "/api/meetings/{id}/agenda/order",
                        "/api/agenda-items",
                        "/api/agenda-items/{id}",
                        "/api/agenda-items/{id}/scheduling",
                        "/api/agenda-items/{id}/discussion",
                        "/api/agenda-items/{id}/decision",
                        "/api/agenda-items/{id}/decision-correction",
                        "/api/agenda-items/{id}/deferral",
                        "/api/agenda-items/{id}/withdrawal");
    }

    @Test
    void servesTheCheckedInOpenApiDocument() {
        dk.sagsspor.testsupport.OpenApiDocuments.assertCheckedIn(api.http(), "command-service");
    }

    @Test
    void everyWriteAnswersTheNewVersionAsETag() {
        String meeting = api.scheduleMeeting(NORD, "2025-06-13T10:00");
        String item = api.propose(NORD, "Eventuelt");

        HttpResponse<String> scheduled =
                api.post("/api/agenda-items/" + item + "/scheduling", "{\"meetingId\": \"%s\"}".formatted(meeting));

        assertThat(scheduled.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(Http.json(scheduled).path("version").asLong()).isEqualTo(1);
    }

    @Test
    void takesAnItemOffItsMeeting() {
        String meeting = api.scheduleMeeting(NORD, "2025-06-13T10:00");
        String item = api.propose(NORD, "Fejlplaceret punkt");
        api.schedule(item, meeting, "4.1");

        HttpResponse<String> response =
                api.http().send("DELETE", "/api/agenda-items/" + item + "/scheduling", "", "If-Match", "\"1\"");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("ETag")).contains("\"2\"");
        assertThat(api.events(item)).endsWith("AgendaItemUnscheduled");
        assertThat(api.events(meeting)).endsWith("MeetingAgendaItemRemoved");
        HttpResponse<String> again = api.http().send("DELETE", "/api/agenda-items/" + item + "/scheduling", "");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Http.json(again).path("rule").asString()).isEqualTo("AgendaItemNotOnAMeeting");
    }

    @Test
    void renumberingAnAgendaLineChangesOnlyWhatItNames() {
        String meeting = api.scheduleMeeting(NORD, "2025-04-11T10:00");
        String item = api.propose(NORD, "Orientering om ungeindsatsen");
        api.schedule(item, meeting, "3.5");
        String path = "/api/meetings/" + meeting + "/agenda/" + item;
        assertThat(api.http()
                        .send("PATCH", path, "{\"section\": \"Regionalpolitiske sager\"}")
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> renumbered = api.http().send("PATCH", path, "{\"number\": \"3.6\"}");

        assertThat(renumbered.statusCode()).as(renumbered.body()).isEqualTo(200);
        assertThat(api.lastPayload(meeting, "MeetingAgendaItemRenumbered"))
                .contains("\"number\":\"3.6\"", "\"section\":\"Regionalpolitiske sager\"");
        api.http().send("PATCH", path, "{\"section\": \"Orientering\"}");
        assertThat(api.lastPayload(meeting, "MeetingAgendaItemRenumbered"))
                .contains("\"number\":\"3.6\"", "\"section\":\"Orientering\"");
        api.http().send("PATCH", path, "{\"section\": null}");
        assertThat(api.lastPayload(meeting, "MeetingAgendaItemRenumbered"))
                .as("null clears what it names")
                .contains("\"number\":\"3.6\"", "\"section\":null");
        HttpResponse<String> nothing = api.http().send("PATCH", path, "{\"colour\": \"red\", \"number\": \"x\"}");
        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(Http.json(nothing).path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("colour", "number");
    }

    @Test
    void reschedulesAndCancelsAMeeting() {
        String meeting = api.scheduleMeeting(NORD, "2025-06-13T10:00");

        HttpResponse<String> moved = api.http()
                .send(
                        "PATCH",
                        "/api/meetings/" + meeting,
                        "{\"start\": \"2025-06-13T13:00:00+02:00\", \"location\": \"Hjørring\", \"reason\": \"Lokale\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(api.lastPayload(meeting, "MeetingRescheduled")).contains("\"start\":\"2025-06-13T11:00:00Z\"");
        api.ok("/api/meetings/" + meeting + "/cancellation", "{\"reason\": \"Ikke beslutningsdygtigt\"}");

        HttpResponse<String> open = api.post("/api/meetings/" + meeting + "/opening", "{}");
        assertThat(open.statusCode()).isEqualTo(409);
        assertThat(Http.json(open).path("type").asString()).endsWith("/meeting-already-cancelled");
    }

    @Test
    void revisesTheEditablePartsWithAMergePatch() {
        String item = api.propose(NORD, "Udkast");

        HttpResponse<String> revised = api.http()
                .send(
                        "PATCH",
                        "/api/agenda-items/" + item,
                        "{\"title\": \"Orientering om erhvervsfremme\", \"caseNumber\": null, \"background\": \"Ny baggrund\"}",
                        "If-Match",
                        "\"0\"");

        assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
        assertThat(revised.headers().firstValue("ETag")).contains("\"1\"");
        String payload = api.lastPayload(item, "AgendaItemRevised");
        assertThat(payload)
                .contains(
                        "\"title\":\"Orientering om erhvervsfremme\"",
                        "\"caseNumber\":null",
                        "\"caseOfficers\":[\"haan\"]")
                .contains("\"changedParts\":[\"title\",\"caseNumber\",\"background\"]");
    }

    @Test
    void rejectsAPatchOfTheCommitteeOrOfUnknownParts() {
        String item = api.propose(NORD, "Udkast");

        HttpResponse<String> response = api.http()
                .send(
                        "PATCH",
                        "/api/agenda-items/" + item,
                        "{\"committee\": \"KKR Midtjylland\", \"colour\": \"red\", \"title\": \"\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response).path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("committee", "colour", "title");
    }

    @Test
    void invalidInputIsABadRequestNamingEachField() {
        HttpResponse<String> meeting = api.post(
                "/api/meetings", "{\"committee\": \"\", \"start\": \"next friday\", \"location\": \"Aalborg\"}");
        assertThat(meeting.statusCode()).isEqualTo(400);
        assertThat(Http.json(meeting).path("errors").findValuesAsString("field"))
                .containsExactly("committee");

        HttpResponse<String> time = api.post(
                "/api/meetings", "{\"committee\": \"KKR\", \"start\": \"next friday\", \"location\": \"Aalborg\"}");
        assertThat(Http.json(time).path("errors").findValuesAsString("field")).containsExactly("start");

        HttpResponse<String> order = api.post(
                "/api/meetings",
                "{\"committee\": \"KKR\", \"start\": \"2025-04-11T10:00\", \"end\": \"2025-04-11T09:00\", \"location\": \"A\"}");
        assertThat(Http.json(order).path("errors").findValuesAsString("field")).containsExactly("end");

        String item = api.propose(NORD, "Punkt");
        HttpResponse<String> outcome =
                api.post("/api/agenda-items/" + item + "/decision", "{\"outcome\": \"MAYBE\", \"text\": \"?\"}");
        assertThat(outcome.statusCode()).isEqualTo(400);
        assertThat(Http.json(outcome).path("errors").findValuesAsString("field"))
                .containsExactly("outcome");

        HttpResponse<String> number =
                api.post("/api/agenda-items/" + item + "/scheduling", "{\"meetingId\": \"m\", \"number\": \"3.a\"}");
        assertThat(Http.json(number).path("errors").findValuesAsString("field")).containsExactly("number");
    }

    @Test
    void anUnreadableBodyIsABadRequestNamingTheFieldAndWhatItMustBe() {
        String item = api.propose(NORD, "Punkt");
        java.util.Map<String, String[]> cases = new java.util.LinkedHashMap<>();
        cases.put(
                "POST /api/agenda-items {\"committee\": \"" + NORD + "\", \"title\": 123}",
                new String[] {"title", "must be text"});
        cases.put(
                "POST /api/agenda-items {\"committee\": \"" + NORD
                        + "\", \"title\": \"T\", \"caseOfficers\": \"haan\"}",
                new String[] {"caseOfficers", "must be a list"});
        cases.put(
                "POST /api/agenda-items/" + item + "/follow-ups {\"description\": \"d\", \"dueDate\": \"2025-02-30\","
                        + " \"assignee\": \"hast\"}",
                new String[] {"dueDate", "must be a date that exists"});
        cases.put("POST /api/agenda-items {\"committee\": ", new String[] {"body", "is not valid JSON"});
        cases.put("PATCH /api/agenda-items/" + item + " {\"title\": true}", new String[] {"title", "must be text"});
        cases.put(
                "POST /api/meetings {\"committee\": \"" + NORD + "\", \"start\": \"2031-03-30T02:30\","
                        + " \"location\": \"A\"}",
                new String[] {"start", "does not exist in Danish time"});
        cases.put(
                "POST /api/meetings {\"committee\": \"" + NORD + "\", \"start\": \"2031-10-26T02:30\","
                        + " \"location\": \"A\"}",
                new String[] {"start", "occurs twice in Danish time"});

        cases.forEach((request, expected) -> {
            String[] parts = request.split(" ", 3);
            HttpResponse<String> response = api.http().send(parts[0], parts[1], parts[2]);
            assertThat(response.statusCode())
                    .as(request + " → " + response.body())
                    .isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = Http.json(response);
            assertThat(problem.path("type").asString()).isEqualTo("https://sagsspor.dk/problems/invalid-request");
            assertThat(problem.path("errors").findValuesAsString("field"))
                    .as(request)
                    .containsExactly(expected[0]);
            assertThat(problem.path("errors").get(0).path("message").asString())
                    .as(request)
                    .contains(expected[1]);
        });
        assertThat(api.events(item)).as("nothing recorded").containsExactly("AgendaItemProposed");
    }

    @Test
    void whatTheContainerRefusesIsAProblemToo() {
        for (String head : java.util.List.of(
                "POST /api/agenda-items/a%2Fb/withdrawal HTTP/1.1\r\n",
                "POST /api/imports/minutes?dryRun=%zz HTTP/1.1\r\nContent-Type: text/plain\r\nContent-Length: 0\r\n",
                "GET /api/meetings HTTP/1.1\r\nX-Note: " + "a".repeat(10_000) + "\r\n")) {
            String response = Http.raw(port, head);

            assertThat(response.lines().findFirst().orElse("")).as(head).matches("HTTP/1\\.1 4\\d\\d.*");
            assertThat(response).as(head).contains("Content-Type: application/problem+json");
        }
    }

    @Test
    void unknownIdsAreNotFound() {
        HttpResponse<String> item =
                api.post("/api/agenda-items/" + UUID.randomUUID() + "/withdrawal", "{\"reason\": \"x\"}");
        assertThat(item.statusCode()).isEqualTo(404);
        assertThat(item.headers().firstValue("Content-Type")).contains("application/problem+json");

        String proposal = api.propose(NORD, "Punkt");
        String nowhere = UUID.randomUUID().toString();
        HttpResponse<String> meeting =
                api.post("/api/agenda-items/" + proposal + "/scheduling", "{\"meetingId\": \"%s\"}".formatted(nowhere));
        assertThat(meeting.statusCode()).isEqualTo(404);
        assertThat(Http.json(meeting).path("id").asString()).isEqualTo(nowhere);
    }

    @Test
    void ruleViolationsAreConflictsNamedAfterTheRule() {
        String meeting = api.scheduleMeeting("KKR Midtjylland", "2025-05-02T09:00");
        String item = api.propose(NORD, "Punkt");

        HttpResponse<String> response =
                api.post("/api/agenda-items/" + item + "/scheduling", "{\"meetingId\": \"%s\"}".formatted(meeting));

        assertThat(response.statusCode()).isEqualTo(409);
        JsonNode problem = Http.json(response);
        assertThat(problem.path("type").asString()).isEqualTo("https://sagsspor.dk/problems/committee-mismatch");
        assertThat(problem.path("rule").asString()).isEqualTo("CommitteeMismatch");
        assertThat(problem.path("detail").asString()).contains("KKR Nordjylland", "KKR Midtjylland");
        assertThat(api.events(item)).containsExactly("AgendaItemProposed");
        assertThat(api.events(meeting)).containsExactly("MeetingScheduled");
    }

    @Test
    void staleIfMatchIsAPreconditionFailure() {
        String item = api.propose(NORD, "Punkt");
        api.ok("/api/agenda-items/" + item + "/withdrawal", "{\"reason\": \"Trukket\"}");

        HttpResponse<String> stale = api.post(
                "/api/agenda-items/" + item + "/decision-correction",
                "{\"outcome\": \"APPROVED\", \"text\": \"x\", \"reason\": \"y\"}",
                "If-Match",
                "\"0\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(Http.json(stale).path("type").asString()).endsWith("/stale-version");

        HttpResponse<String> malformed =
                api.post("/api/meetings/" + UUID.randomUUID() + "/opening", "{}", "If-Match", "version 3");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(Http.json(malformed).path("errors").findValuesAsString("field"))
                .containsExactly("If-Match");
    }

    @Test
    void matchingIfMatchIsAccepted() {
        String item = api.propose(NORD, "Punkt");

        HttpResponse<String> response =
                api.post("/api/agenda-items/" + item + "/withdrawal", "{\"reason\": \"Trukket\"}", "If-Match", "\"0\"");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("ETag")).contains("\"1\"");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheOriginalResultAndCreatesNothing() {
        String key = "propose-" + UUID.randomUUID();
        String body = "{\"committee\": \"%s\", \"title\": \"Idempotent\"}".formatted(NORD);

        HttpResponse<String> first = api.post("/api/agenda-items", body, "Idempotency-Key", key);
        HttpResponse<String> retry = api.post("/api/agenda-items", body, "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Location"))
                .isEqualTo(first.headers().firstValue("Location"));
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        Integer created = jdbc.sql("select count(*) from domainevententry where convert_from(payload, 'UTF8') like ?")
                .param("%" + NORD + "%")
                .query(Integer.class)
                .single();
        assertThat(created).isEqualTo(1);
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsUnprocessable() {
        String key = "meeting-" + UUID.randomUUID();
        api.post(
                "/api/meetings",
                "{\"committee\": \"KKR\", \"start\": \"2025-04-11T10:00\", \"location\": \"A\"}",
                "Idempotency-Key",
                key);

        HttpResponse<String> other = api.post(
                "/api/meetings",
                "{\"committee\": \"KKR\", \"start\": \"2025-05-11T10:00\", \"location\": \"A\"}",
                "Idempotency-Key",
                key);

        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(Http.json(other).path("type").asString()).endsWith("/idempotency-key-reused");
    }

    @Test
    void aFailedRequestLeavesItsIdempotencyKeyFree() {
        String key = "retry-" + UUID.randomUUID();
        String item = api.propose(NORD, "Punkt");
        String path = "/api/agenda-items/" + item + "/decision";
        String body = "{\"outcome\": \"APPROVED\", \"text\": \"Godkendt\"}";

        HttpResponse<String> refused = api.post(path, body, "Idempotency-Key", key);
        assertThat(refused.statusCode()).isEqualTo(409);
        Integer kept = jdbc.sql("select count(*) from idempotent_request where idempotency_key = ?")
                .param(key)
                .query(Integer.class)
                .single();
        assertThat(kept).isZero();
    }

    @Test
    void anIdempotencyKeyIsForgottenAfterItsRetentionAndTheRequestThenRunsAgain() {
        String key = "expire-" + UUID.randomUUID();
        String body = "{\"committee\": \"%s\", \"title\": \"Gammel nøgle\"}".formatted(NORD);
        HttpResponse<String> first = api.post("/api/agenda-items", body, "Idempotency-Key", key);
        String recent = "recent-" + UUID.randomUUID();
        api.post("/api/agenda-items", body, "Idempotency-Key", recent);
        jdbc.sql("update idempotent_request set created_at = now() - interval '8 days' where idempotency_key = ?")
                .param(key)
                .update();

        int expired = expiry.expire();

        assertThat(expired).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select idempotency_key from idempotent_request where idempotency_key in (?, ?)")
                        .params(key, recent)
                        .query(String.class)
                        .list())
                .containsExactly(recent);
        HttpResponse<String> again = api.post("/api/agenda-items", body, "Idempotency-Key", key);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(Http.json(again).path("id").asString())
                .isNotEqualTo(Http.json(first).path("id").asString());
    }

    @Test
    void rejectsAnImplausibleIdempotencyKey() {
        HttpResponse<String> response =
                api.post("/api/agenda-items", "{\"committee\": \"K\", \"title\": \"T\"}", "Idempotency-Key", "x");

        assertThat(response.statusCode()).isEqualTo(400);
    }
}
