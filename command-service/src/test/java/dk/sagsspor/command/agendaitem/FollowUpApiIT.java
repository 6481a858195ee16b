package dk.sagsspor.command.agendaitem;

import static org.assertj.core.api.Assertions.assertThat;

import dk.sagsspor.command.CommandApi;
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

/** The staff directory and follow-ups over HTTP: answers, refusals and what is recorded. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sagsspor.links.query-service=https://sagsspor.example.dk/query/")
class FollowUpApiIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "command");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    CommandApi api;
    String item;
    String initials;

    @BeforeEach
    void aDecidedItemAndAStaffMember() {
        api = new CommandApi(port, jdbc);
        String committee = "KKR Opfølgning " + UUID.randomUUID();
        String meeting = api.scheduleMeeting(committee, "2025-04-11T10:00");
        item = api.propose(committee, "Socialtilsynet");
        api.schedule(item, meeting, "3.1");
        api.ok("/api/meetings/" + meeting + "/opening", "{}");
        api.ok("/api/agenda-items/" + item + "/decision", "{\"outcome\": \"APPROVED\", \"text\": \"Godkendt.\"}");
        initials = "s" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 5);
        HttpResponse<String> entered = api.http()
                .send("PUT", "/api/staff/" + initials, "{\"name\": \"Hanne Stougaard\", \"email\": \"hast@kl.dk\"}");
        assertThat(entered.statusCode()).as(entered.body()).isEqualTo(200);
    }

    @Test
    void aFollowUpFromAssignmentToCompletion() {
        HttpResponse<String> assigned = api.post(
                "/api/agenda-items/" + item + "/follow-ups",
                "{\"description\": \"Afrapportering\", \"dueDate\": \"2025-05-31\", \"assignee\": \"%s\"}"
                        .formatted(initials));
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(201);
        String followUp = Http.json(assigned).path("id").asString();
        assertThat(assigned.headers().firstValue("Location"))
                .as("where it can be read: the query service, not this one")
                .hasValue("https://sagsspor.example.dk/query/api/follow-ups/" + followUp);
        String base = "/api/agenda-items/" + item + "/follow-ups/" + followUp;

        api.ok(base + "/due-date-change", "{\"dueDate\": \"2025-06-15\", \"reason\": \"Forlænget frist\"}");
        api.ok(base + "/reassignment", "{\"assignee\": \"%s\"}".formatted(initials));
        api.ok(base + "/completion", "{\"note\": \"Sendt 12. juni\"}");
        HttpResponse<String> again = api.post(base + "/cancellation", "{\"reason\": \"Bortfaldet\"}");

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Http.json(again).path("rule").asString()).isEqualTo("FollowUpAlreadyClosed");
        assertThat(api.events(item)).endsWith("FollowUpAssigned", "FollowUpDueDateChanged", "FollowUpCompleted");
        assertThat(api.lastPayload(item, "FollowUpDueDateChanged")).contains("\"dueDate\":\"2025-06-15\"");
        assertThat(api.events(initials)).containsExactly("StaffMemberRegistered");
    }

    @Test
    void refusesAnAssigneeOutsideTheDirectoryAndBadInput() {
        HttpResponse<String> stranger = api.post(
                "/api/agenda-items/" + item + "/follow-ups",
                "{\"description\": \"Afrapportering\", \"dueDate\": \"2025-05-31\", \"assignee\": \"zzzz\"}");
        HttpResponse<String> noDate = api.post(
                "/api/agenda-items/" + item + "/follow-ups",
                "{\"description\": \"Afrapportering\", \"dueDate\": \"31. maj\", \"assignee\": \"%s\"}"
                        .formatted(initials));
        HttpResponse<String> unknown = api.post(
                "/api/agenda-items/" + item + "/follow-ups/" + UUID.randomUUID() + "/completion", "{\"note\": \"x\"}");
        HttpResponse<String> badEmail =
                api.http().send("PUT", "/api/staff/" + initials, "{\"name\": \"H\", \"email\": \"ikke en adresse\"}");

        assertThat(stranger.statusCode()).isEqualTo(409);
        assertThat(Http.json(stranger).path("type").asString())
                .isEqualTo("https://sagsspor.dk/problems/staff-member-not-in-directory");
        assertThat(noDate.statusCode()).isEqualTo(400);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(badEmail.statusCode()).isEqualTo(400);
        assertThat(Http.json(badEmail).path("errors").findValuesAsString("field"))
                .containsExactly("email");
        assertThat(api.events(item)).doesNotContain("FollowUpAssigned");
    }

    @Test
    void enteringTheSameStaffMemberAgainRecordsOnlyAChange() {
        api.http().send("PUT", "/api/staff/" + initials, "{\"name\": \"Hanne Stougaard\", \"email\": \"hast@kl.dk\"}");
        api.http().send("PUT", "/api/staff/" + initials, "{\"name\": \"Hanne S. Nielsen\", \"email\": \"hast@kl.dk\"}");

        assertThat(api.events(initials)).containsExactly("StaffMemberRegistered", "StaffMemberChanged");
    }
}
