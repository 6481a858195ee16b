package dk.sagsspor.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.sagsspor.events.SagssporEvent;
import dk.sagsspor.events.agendaitem.AgendaItemProposed;
import dk.sagsspor.events.agendaitem.FollowUpAssigned;
import dk.sagsspor.events.meeting.MeetingNextAgendaPromised;
import dk.sagsspor.events.meeting.MeetingScheduled;
import dk.sagsspor.events.staff.StaffMemberRegistered;
import dk.sagsspor.query.EventRecords;
import dk.sagsspor.query.TwoMeetings;
import dk.sagsspor.query.World;
import dk.sagsspor.testsupport.ApiContract;
import dk.sagsspor.testsupport.ApiRefusals;
import dk.sagsspor.testsupport.Http;
import dk.sagsspor.testsupport.RandomLetters;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every operation of the query API, once as it succeeds and once as it is refused, each answer checked against the
 * OpenAPI document the service serves (by {@link Http}, as every answer of every test is). It fails when an operation
 * is documented but not exercised both ways here. Runs in a world of its own, since it rebuilds the read models.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sagsspor.projection.retry-attempts=1", "sagsspor.projection.retry-interval=50ms"})
class ApiContractIT {

    static final World WORLD = World.create("query_contract", 2);
    static final Duration PATIENCE = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void aWorldOfItsOwn(DynamicPropertyRegistry registry) {
        WORLD.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    final Map<String, Long> sequences = new HashMap<>();

    @Test
    void everyOperationSucceedsAndRefusesAsItsDocumentSays() {
        Http http = Http.localhost(port);
        TwoMeetings spring = new TwoMeetings();
        spring.send(kafka, WORLD.topic());
        String initials = "c" + RandomLetters.of(5);
        String item = UUID.randomUUID().toString();
        String followUp = UUID.randomUUID().toString();
        String promising = UUID.randomUUID().toString();
        send(new StaffMemberRegistered(initials, "Hanne Stougaard", initials + "@kl.dk"));
        send(new AgendaItemProposed(
                item,
                spring.committee,
                "Svar til KL",
                "SAG-2025-00900",
                List.of(initials),
                null,
                null,
                null,
                null,
                false));
        send(new FollowUpAssigned(item, followUp, "Svar til KL", LocalDate.of(2025, 6, 1), initials, null));
        send(new MeetingScheduled(
                promising, spring.committee, TwoMeetings.danish("2025-09-11T10:00"), null, "Aalborg Rådhus"));
        send(new MeetingNextAgendaPromised(promising, LocalDate.of(2025, 11, 20), List.of("Budget 2026")));
        kafka.send(EventRecords.raw(
                        WORLD.topic(),
                        UUID.randomUUID().toString(),
                        "dk.sagsspor.AgendaItemProposed.v1",
                        0,
                        "{not json"))
                .join();
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(http.get("/api/follow-ups/" + followUp).statusCode()).isEqualTo(200);
            assertThat(http.get("/api/meetings/" + spring.june).statusCode()).isEqualTo(200);
            assertThat(http.get("/api/promises?meeting=" + promising).body()).contains("Budget 2026");
            assertThat(Http.json(http.get("/api/admin/dead-letters"))).isNotEmpty();
        });
        ApiContract.Exercise exercise = http.contract().exercise();
        String committee =
                URLEncoder.encode(spring.committee, StandardCharsets.UTF_8).replace("+", "%20");
        String deadLetter =
                Http.json(http.get("/api/admin/dead-letters")).get(0).path("id").asString();

        for (String path : List.of(
                "/api/agenda-items?committee=" + committee,
                "/api/agenda-items/outstanding?committee=" + committee,
                "/api/agenda-items/" + spring.minutes,
                "/api/agenda-items/" + spring.minutes + "/timeline",
                "/api/agenda-items/" + spring.minutes + "/deadline-suggestions",
                "/api/meetings?committee=" + committee,
                "/api/meetings/" + spring.april,
                "/api/meetings/" + spring.april + "/timeline",
                "/api/meetings/" + spring.april + "/agenda.html",
                "/api/meetings/" + spring.april + "/minutes.html",
                "/api/decisions?committee=" + committee,
                "/api/follow-ups?committee=" + committee,
                "/api/follow-ups/" + followUp,
                "/api/promises?meeting=" + promising,
                "/api/staff",
                "/api/staff/" + initials,
                "/api/alerts?assignee=" + initials,
                "/api/digests/" + initials,
                "/api/digests/" + initials + "/subscription",
                "/api/digests?initials=" + initials,
                "/api/calendars/staff/" + initials + ".ics",
                "/api/calendars/committees/" + committee + ".ics",
                "/api/admin/projections",
                "/api/admin/projections/meetings",
                "/api/admin/dead-letters",
                "/api/admin/dead-letters/" + deadLetter)) {
            succeeds(exercise, http.get(path));
        }
        for (String path : List.of(
                "/api/meetings/" + spring.april + "/agenda.pdf", "/api/meetings/" + spring.april + "/minutes.pdf")) {
            HttpResponse<byte[]> pdf = exercise.record(http.getBytes(path));
            assertThat(pdf.statusCode()).as(path).isEqualTo(200);
        }
        succeeds(exercise, http.send("PUT", "/api/digests/" + initials + "/subscription", "{\"subscribed\": false}"));
        succeeds(exercise, http.postJson("/api/admin/digests/raise", ""));
        succeeds(exercise, http.postJson("/api/admin/dead-letters/replay", ""));
        succeeds(exercise, http.postJson("/api/admin/projections/meetings/rebuild", ""));
        awaitRebuilt(http, "meetings");
        succeeds(exercise, http.postJson("/api/admin/projections/rebuild", ""));
        for (String projection : List.of("agenda-items", "decisions", "event-log", "follow-ups", "meetings", "staff")) {
            awaitRebuilt(http, projection);
        }

        ApiRefusals.refuseEveryOperation(http, exercise);

        assertThat(exercise.incomplete()).isEmpty();
    }

    private static void succeeds(ApiContract.Exercise exercise, HttpResponse<String> answer) {
        exercise.record(answer);
        assertThat(answer.statusCode())
                .as("%s: %s", answer.request().uri(), answer.body())
                .isBetween(200, 299);
    }

    /** The projection's latest rebuild is over (swapped in, or given up). */
    private static void awaitRebuilt(Http http, String projection) {
        await().atMost(PATIENCE)
                .until(() -> !List.of("building", "indexing", "catching-up")
                        .contains(Http.json(http.get("/api/admin/projections/" + projection))
                                .path("lastRebuild")
                                .path("state")
                                .asString()));
    }

    private void send(SagssporEvent event) {
        long sequence = sequences.merge(event.aggregateId(), 1L, Long::sum) - 1;
        kafka.send(EventRecords.record(WORLD.topic(), event, sequence)).join();
    }
}
