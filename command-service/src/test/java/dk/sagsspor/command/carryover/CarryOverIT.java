package dk.sagsspor.command.carryover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.sagsspor.command.CommandApi;
import dk.sagsspor.testsupport.RealInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sagsspor.carry-over.poll-interval=200ms")
class CarryOverIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "command");
    }

    static final Duration PATIENCE = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    CommandApi api;
    String committee;

    @BeforeEach
    void setUp() {
        api = new CommandApi(port, jdbc);
        committee = "KKR Test " + UUID.randomUUID();
    }

    @Test
    void defersUndecidedItemsWhenMeetingClosesAndPlacesThemOnTheNextMeeting() {
        String earlier = api.scheduleMeeting(committee, "2025-02-07T10:00");
        String meeting = api.scheduleMeeting(committee, "2025-04-11T10:00");
        String next = api.scheduleMeeting(committee, "2025-06-13T10:00");
        String decided = onMeeting(meeting, "Godkendelse af referat");
        String withdrawn = onMeeting(meeting, "Trukket punkt");
        String undecided = onMeeting(meeting, "Orientering om ungeindsatsen");
        api.ok("/api/meetings/" + meeting + "/opening", "{}");
        api.ok("/api/agenda-items/" + decided + "/decision", "{\"outcome\": \"APPROVED\", \"text\": \"Godkendt\"}");
        api.ok("/api/agenda-items/" + withdrawn + "/withdrawal", "{\"reason\": \"Trukket\"}");

        api.ok("/api/meetings/" + meeting + "/closing", "{}");

        awaitEvents(
                undecided, "AgendaItemProposed", "AgendaItemScheduled", "AgendaItemDeferred", "AgendaItemScheduled");
        assertThat(api.lastPayload(undecided, "AgendaItemDeferred"))
                .contains("\"automatic\":true", "\"fromMeetingId\":\"" + meeting + "\"");
        assertThat(api.lastPayload(undecided, "AgendaItemScheduled")).contains(next);
        assertThat(api.events(next)).containsExactly("MeetingScheduled", "MeetingAgendaItemAdded");
        assertThat(api.events(earlier)).containsExactly("MeetingScheduled");
        assertThat(api.events(decided)).last().isEqualTo("AgendaItemDecided");
        assertThat(api.events(withdrawn)).last().isEqualTo("AgendaItemWithdrawn");
    }

    @Test
    void doesNotCarryOverTheItemsEveryMeetingHasOfItsOwn() {
        String meeting = api.scheduleMeeting(committee, "2025-04-11T10:00");
        String next = api.scheduleMeeting(committee, "2025-06-13T10:00");
        String standing = onMeeting(meeting, "Eventuelt");
        String undecided = onMeeting(meeting, "Orientering om ungeindsatsen");
        api.ok("/api/meetings/" + meeting + "/opening", "{}");

        api.ok("/api/meetings/" + meeting + "/closing", "{}");

        awaitEvents(
                undecided, "AgendaItemProposed", "AgendaItemScheduled", "AgendaItemDeferred", "AgendaItemScheduled");
        awaitEvents(standing, "AgendaItemProposed", "AgendaItemScheduled", "AgendaItemWithdrawn");
        assertThat(api.lastPayload(standing, "AgendaItemWithdrawn")).contains("hvert møde har sit eget");
        assertThat(api.events(next)).containsExactly("MeetingScheduled", "MeetingAgendaItemAdded");
    }

    @Test
    void placesCarriedOverItemsWhenTheNextMeetingIsScheduledOnlyAfterwards() throws InterruptedException {
        String meeting = api.scheduleMeeting(committee, "2025-04-11T10:00");
        String item = onMeeting(meeting, "Orientering");
        api.ok("/api/meetings/" + meeting + "/opening", "{}");
        api.ok("/api/meetings/" + meeting + "/closing", "{}");
        awaitEvents(item, "AgendaItemProposed", "AgendaItemScheduled", "AgendaItemDeferred");
        Thread.sleep(1000); // several poll intervals: with no next meeting, it waits

        assertThat(api.events(item)).last().isEqualTo("AgendaItemDeferred");
        String next = api.scheduleMeeting(committee, "2025-06-13T10:00");

        awaitEvents(item, "AgendaItemProposed", "AgendaItemScheduled", "AgendaItemDeferred", "AgendaItemScheduled");
        assertThat(api.lastPayload(item, "AgendaItemScheduled")).contains(next);
    }

    @Test
    void carriesOverTheItemsOfACancelledMeeting() {
        String meeting = api.scheduleMeeting(committee, "2025-04-11T10:00");
        String next = api.scheduleMeeting(committee, "2025-06-13T10:00");
        String item = onMeeting(meeting, "Orientering");

        api.ok("/api/meetings/" + meeting + "/cancellation", "{\"reason\": \"Ikke beslutningsdygtigt\"}");

        awaitEvents(item, "AgendaItemProposed", "AgendaItemScheduled", "AgendaItemDeferred", "AgendaItemScheduled");
        assertThat(api.lastPayload(item, "AgendaItemDeferred")).contains("Mødet blev aflyst");
        assertThat(api.lastPayload(item, "AgendaItemScheduled")).contains(next);
    }

    @Test
    void placesAnItemDeferredToANamedMeetingThere() {
        String meeting = api.scheduleMeeting(committee, "2025-04-11T10:00");
        String next = api.scheduleMeeting(committee, "2025-06-13T10:00");
        String named = api.scheduleMeeting(committee, "2025-09-05T10:00");
        String item = onMeeting(meeting, "Budget 2026");
        api.ok("/api/meetings/" + meeting + "/opening", "{}");

        api.ok(
                "/api/agenda-items/" + item + "/deferral",
                "{\"reason\": \"Afventer budgetforlig\", \"toMeetingId\": \"%s\"}".formatted(named));

        awaitEvents(item, "AgendaItemProposed", "AgendaItemScheduled", "AgendaItemDeferred", "AgendaItemScheduled");
        assertThat(api.lastPayload(item, "AgendaItemScheduled")).contains(named);
        assertThat(api.events(next)).containsExactly("MeetingScheduled");
    }

    private String onMeeting(String meeting, String title) {
        String item = api.propose(committee, title);
        api.schedule(item, meeting, null);
        return item;
    }

    private void awaitEvents(String aggregateId, String... events) {
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(api.events(aggregateId)).isEqualTo(List.of(events)));
    }
}
