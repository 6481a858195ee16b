package dk.sagsspor.query;

import dk.sagsspor.events.SagssporEvent;
import dk.sagsspor.events.agendaitem.AgendaItemDecided;
import dk.sagsspor.events.agendaitem.AgendaItemDecisionCorrected;
import dk.sagsspor.events.agendaitem.AgendaItemDeferred;
import dk.sagsspor.events.agendaitem.AgendaItemDiscussed;
import dk.sagsspor.events.agendaitem.AgendaItemProposed;
import dk.sagsspor.events.agendaitem.AgendaItemRevised;
import dk.sagsspor.events.agendaitem.AgendaItemScheduled;
import dk.sagsspor.events.agendaitem.AgendaItemWithdrawn;
import dk.sagsspor.events.agendaitem.DecisionOutcome;
import dk.sagsspor.events.meeting.MeetingAgendaItemAdded;
import dk.sagsspor.events.meeting.MeetingAgendaPublished;
import dk.sagsspor.events.meeting.MeetingClosed;
import dk.sagsspor.events.meeting.MeetingOpened;
import dk.sagsspor.events.meeting.MeetingScheduled;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * A committee's spring as recorded, with the times it happened (Danish time): the April meeting is scheduled, its
 * agenda published on 1 April, then amended (a new item, a revised title); at the meeting one item is decided (and the
 * decision later corrected), one deferred to June, where it is scheduled again; a fourth item is withdrawn.
 */
public final class TwoMeetings {

    static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");

    public final String committee = "KKR Historie " + UUID.randomUUID();
    public final String april = UUID.randomUUID().toString();
    public final String june = UUID.randomUUID().toString();
    /** "Regional udviklingsstrategi", renamed after publication, deferred in April, on the June agenda. */
    public final String strategy = UUID.randomUUID().toString();
    /** "Godkendelse af referat", decided in April, corrected in May. */
    public final String minutes = UUID.randomUUID().toString();
    /** "Høring om erhvervsfremme", added to the April agenda after it was published. */
    public final String hearing = UUID.randomUUID().toString();
    /** "Budgetsamarbejde", proposed and withdrawn without ever being on a meeting. */
    public final String budget = UUID.randomUUID().toString();

    private final Map<String, Long> sequences = new HashMap<>();

    /** Sends every event to the topic, in order, and waits for each to be acknowledged. */
    public void send(KafkaTemplate<String, byte[]> kafka, String topic) {
        at(
                kafka,
                topic,
                "2025-03-01T09:00",
                new MeetingScheduled(
                        april, committee, danish("2025-04-11T10:00"), danish("2025-04-11T12:00"), "Aalborg Rådhus"));
        at(
                kafka,
                topic,
                "2025-03-01T09:05",
                new MeetingScheduled(
                        june, committee, danish("2025-06-13T10:00"), danish("2025-06-13T12:00"), "Hjørring Rådhus"));
        at(kafka, topic, "2025-03-02T10:00", proposal(strategy, "Regional udviklingsstrategi"));
        at(kafka, topic, "2025-03-02T10:10", proposal(minutes, "Godkendelse af referat"));
        at(kafka, topic, "2025-03-02T10:20", proposal(budget, "Budgetsamarbejde"));
        at(kafka, topic, "2025-03-03T09:00", new AgendaItemScheduled(minutes, april));
        at(
                kafka,
                topic,
                "2025-03-03T09:00",
                new MeetingAgendaItemAdded(april, minutes, "1.1", "Godkendelse af referat", false));
        at(kafka, topic, "2025-03-03T09:30", new AgendaItemScheduled(strategy, april));
        at(
                kafka,
                topic,
                "2025-03-03T09:30",
                new MeetingAgendaItemAdded(april, strategy, "3.1", "Regionalpolitiske sager", false));
        at(kafka, topic, "2025-04-01T12:00", new MeetingAgendaPublished(april, List.of()));
        at(kafka, topic, "2025-04-05T08:00", proposal(hearing, "Høring om erhvervsfremme"));
        at(kafka, topic, "2025-04-05T08:30", new AgendaItemScheduled(hearing, april));
        at(
                kafka,
                topic,
                "2025-04-05T08:30",
                new MeetingAgendaItemAdded(april, hearing, "3.2", "Regionalpolitiske sager", true));
        at(
                kafka,
                topic,
                "2025-04-07T14:00",
                new AgendaItemRevised(
                        strategy,
                        "Regional udviklingsstrategi og mobilitetsplan",
                        "SAG-2025-00681",
                        List.of("haan"),
                        null,
                        null,
                        null,
                        List.of(),
                        List.of("title")));
        at(kafka, topic, "2025-04-08T09:00", new AgendaItemWithdrawn(budget, null, "Løst administrativt"));
        at(kafka, topic, "2025-04-11T10:00", new MeetingOpened(april));
        at(kafka, topic, "2025-04-11T10:20", new AgendaItemDiscussed(minutes, april, "Ingen bemærkninger"));
        at(
                kafka,
                topic,
                "2025-04-11T10:30",
                new AgendaItemDecided(minutes, april, DecisionOutcome.APPROVED, "Referatet blev godkendt."));
        at(
                kafka,
                topic,
                "2025-04-11T10:45",
                new AgendaItemDeferred(strategy, april, "Afventer regionsrådet", june, false));
        at(kafka, topic, "2025-04-11T12:00", new MeetingClosed(april, List.of(hearing)));
        at(kafka, topic, "2025-04-20T09:00", new AgendaItemScheduled(strategy, june));
        at(
                kafka,
                topic,
                "2025-04-20T09:00",
                new MeetingAgendaItemAdded(june, strategy, "3.1", "Regionalpolitiske sager", false));
        at(
                kafka,
                topic,
                "2025-05-02T13:00",
                new AgendaItemDecisionCorrected(
                        minutes,
                        april,
                        DecisionOutcome.APPROVED_WITH_CHANGES,
                        "Referatet blev godkendt med en rettelse.",
                        "Stavefejl"));
    }

    /** A Danish local time as an instant. */
    public static Instant danish(String localTime) {
        return LocalDateTime.parse(localTime).atZone(DENMARK).toInstant();
    }

    private AgendaItemProposed proposal(String id, String title) {
        return new AgendaItemProposed(
                id, committee, title, "SAG-2025-00681", List.of("haan"), null, null, null, List.of(), false);
    }

    private void at(KafkaTemplate<String, byte[]> kafka, String topic, String localTime, SagssporEvent event) {
        long sequence = sequences.merge(event.aggregateId(), 1L, Long::sum) - 1;
        kafka.send(EventRecords.record(topic, event, sequence, UUID.randomUUID().toString(), danish(localTime)))
                .join();
    }
}
