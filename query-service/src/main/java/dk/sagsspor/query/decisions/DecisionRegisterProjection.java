package dk.sagsspor.query.decisions;

import dk.sagsspor.events.EventEnvelope;
import dk.sagsspor.events.agendaitem.AgendaItemDecided;
import dk.sagsspor.events.agendaitem.AgendaItemDecisionCorrected;
import dk.sagsspor.events.agendaitem.AgendaItemDeferred;
import dk.sagsspor.events.agendaitem.AgendaItemDiscussed;
import dk.sagsspor.events.agendaitem.AgendaItemEvent;
import dk.sagsspor.events.agendaitem.AgendaItemProposed;
import dk.sagsspor.events.agendaitem.AgendaItemRevised;
import dk.sagsspor.events.agendaitem.AgendaItemScheduled;
import dk.sagsspor.events.agendaitem.AgendaItemUnscheduled;
import dk.sagsspor.events.agendaitem.AgendaItemWithdrawn;
import dk.sagsspor.events.agendaitem.DecisionOutcome;
import dk.sagsspor.events.agendaitem.FollowUpAssigned;
import dk.sagsspor.events.agendaitem.FollowUpCancelled;
import dk.sagsspor.events.agendaitem.FollowUpCompleted;
import dk.sagsspor.events.agendaitem.FollowUpDueDateChanged;
import dk.sagsspor.events.agendaitem.FollowUpReassigned;
import dk.sagsspor.query.projection.DecodedEvent;
import dk.sagsspor.query.projection.Projection;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The decision register: every decision and every correction, each a row of its own, with the item's committee,
 * title and case number as they are now. Its own consumer group, so it can be rebuilt alone.
 */
@Component
class DecisionRegisterProjection implements Projection<AgendaItemEvent> {

    static final String NAME = "decisions";

    private final JdbcClient jdbc;

    DecisionRegisterProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<AgendaItemEvent> eventType() {
        return AgendaItemEvent.class;
    }

    @Override
    public List<String> tables() {
        return List.of("decision", "decision_item");
    }

    @Override
    public void apply(DecodedEvent<AgendaItemEvent> decoded) {
        AgendaItemEvent event = decoded.event();
        switch (event) {
            case AgendaItemProposed e -> {
                jdbc.sql("""
                            insert into decision_item (id, committee, title, case_number)
                            values (:id, :committee, :title, :caseNumber)""")
                        .param("id", e.agendaItemId())
                        .param("committee", e.committee())
                        .param("title", e.title())
                        .param("caseNumber", e.caseNumber())
                        .update();
            }
            case AgendaItemRevised e -> {
                jdbc.sql("update decision_item set title = :title, case_number = :caseNumber where id = :id")
                        .param("title", e.title())
                        .param("caseNumber", e.caseNumber())
                        .param("id", e.agendaItemId())
                        .update();
            }
            case AgendaItemDecided e -> {
                record(decoded.envelope(), e.meetingId(), "DECISION", e.outcome(), e.text(), null);
            }
            case AgendaItemDecisionCorrected e -> {
                record(decoded.envelope(), e.meetingId(), "CORRECTION", e.outcome(), e.text(), e.reason());
            }
            // nothing else an item goes through is a decision or names one
            case AgendaItemScheduled _,
                    AgendaItemUnscheduled _,
                    AgendaItemDiscussed _,
                    AgendaItemDeferred _,
                    AgendaItemWithdrawn _,
                    FollowUpAssigned _,
                    FollowUpDueDateChanged _,
                    FollowUpReassigned _,
                    FollowUpCompleted _,
                    FollowUpCancelled _ -> {}
        }
    }

    private void record(
            EventEnvelope envelope,
            String meetingId,
            String kind,
            DecisionOutcome outcome,
            String text,
            String reason) {
        jdbc.sql("""
                        insert into decision (event_id, agenda_item_id, meeting_id, kind, outcome, text, reason,
                                              decided_at, decided_by)
                        values (:eventId, :item, :meeting, :kind, :outcome, :text, :reason, :time, :actor)""")
                .param("eventId", envelope.eventId())
                .param("item", envelope.aggregateId())
                .param("meeting", meetingId)
                .param("kind", kind)
                .param("outcome", outcome.name())
                .param("text", text)
                .param("reason", reason)
                .param("time", Timestamp.from(envelope.occurredAt()))
                .param("actor", envelope.actor())
                .update();
    }
}
