package dk.sagsspor.query.followup;

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
import dk.sagsspor.events.agendaitem.FollowUpAssigned;
import dk.sagsspor.events.agendaitem.FollowUpCancelled;
import dk.sagsspor.events.agendaitem.FollowUpCompleted;
import dk.sagsspor.events.agendaitem.FollowUpDueDateChanged;
import dk.sagsspor.events.agendaitem.FollowUpReassigned;
import dk.sagsspor.query.projection.DecodedEvent;
import dk.sagsspor.query.projection.History;
import dk.sagsspor.query.projection.Projection;
import dk.sagsspor.query.projection.ProposedItems;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code follow_up} (with its versions) and what it needs of each item in {@code follow_up_item}; its tables
 * can be rebuilt and swapped alone.
 */
@Component
class FollowUpProjection implements Projection<AgendaItemEvent> {

    static final String TABLE = "follow_up";
    static final String ITEMS = "follow_up_item";

    private final JdbcClient jdbc;
    private final History history;
    private final FollowUpBatch batch;

    FollowUpProjection(JdbcClient jdbc, History history, FollowUpBatch batch) {
        this.jdbc = jdbc;
        this.history = history;
        this.batch = batch;
    }

    @Override
    public String name() {
        return "follow-ups";
    }

    @Override
    public Class<AgendaItemEvent> eventType() {
        return AgendaItemEvent.class;
    }

    /** The batch ends open versions by these, and {@link History#record} finds the latest by these. */
    @Override
    public List<String> writeIndexes() {
        return List.of("follow_up_history_id", "follow_up_history_open");
    }

    @Override
    public List<String> tables() {
        return List.of("follow_up_history", TABLE, ITEMS);
    }

    /** A poll's events in a few statements ({@link FollowUpBatch}); the event-by-event path is the reference. */
    @Override
    public void apply(List<DecodedEvent<AgendaItemEvent>> events) {
        batch.apply(events);
    }

    private void insertItems(List<AgendaItemProposed> items) {
        if (items.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into follow_up_item (id, committee, title, case_number, closed_item)
                        select * from unnest(cast(:ids as text[]), cast(:committees as text[]),
                                             cast(:titles as text[]), cast(:caseNumbers as text[]),
                                             cast(:closedItems as boolean[]))""").params(ProposedItems.columns(items)).update();
    }

    @Override
    public void apply(DecodedEvent<AgendaItemEvent> decoded) {
        AgendaItemEvent event = decoded.event();
        EventEnvelope envelope = decoded.envelope();
        switch (event) {
            case AgendaItemProposed e -> insertItems(List.of(e));
            case AgendaItemRevised e -> {
                // only the title and the case number are kept here: a revision of other parts writes nothing
                if (e.changed("title") || e.changed("caseNumber")) {
                    jdbc.sql("""
                                update follow_up_item set title = :title, case_number = :caseNumber
                                 where id = :id and (title, case_number) is distinct from (:title, :caseNumber)""")
                            .param("title", e.title())
                            .param("caseNumber", e.caseNumber())
                            .param("id", e.agendaItemId())
                            .update();
                }
            }
            case AgendaItemDecided e -> {
                jdbc.sql("update follow_up_item set meeting_id = :meeting where id = :id")
                        .param("meeting", e.meetingId())
                        .param("id", e.agendaItemId())
                        .update();
            }
            case FollowUpAssigned e -> {
                jdbc.sql("""
                            insert into follow_up (id, agenda_item_id, description, due_date, assignee, source, status,
                                                   assigned_at, modified)
                            values (:id, :item, :description, :dueDate, :assignee, :source, 'OPEN', :time, :time)""")
                        .param("id", e.followUpId())
                        .param("item", e.agendaItemId())
                        .param("description", e.description())
                        .param("dueDate", Date.valueOf(e.dueDate()))
                        .param("assignee", e.assignee())
                        .param("source", e.source())
                        .param("time", Timestamp.from(envelope.occurredAt()))
                        .update();
                history.record(TABLE, "id", e.followUpId(), envelope.occurredAt());
            }
            case FollowUpDueDateChanged e -> {
                change(e.followUpId(), "due_date = :dueDate", Map.of("dueDate", Date.valueOf(e.dueDate())), envelope);
            }
            case FollowUpReassigned e -> {
                change(e.followUpId(), "assignee = :assignee", Map.of("assignee", e.assignee()), envelope);
            }
            case FollowUpCompleted e -> {
                change(e.followUpId(), "status = 'DONE', closing_note = :note", Map.of("note", e.note()), envelope);
            }
            case FollowUpCancelled e -> {
                change(
                        e.followUpId(),
                        "status = 'CANCELLED', closing_note = :note",
                        Map.of("note", e.reason()),
                        envelope);
            }
            // the rest of an item's life does not touch its follow-ups
            case AgendaItemScheduled _,
                    AgendaItemUnscheduled _,
                    AgendaItemDiscussed _,
                    AgendaItemDecisionCorrected _,
                    AgendaItemDeferred _,
                    AgendaItemWithdrawn _ -> {}
        }
    }

    private void change(String followUpId, String assignments, Map<String, Object> parameters, EventEnvelope envelope) {
        jdbc.sql("update follow_up set " + assignments + ", modified = :time where id = :id")
                .params(parameters)
                .param("time", Timestamp.from(envelope.occurredAt()))
                .param("id", followUpId)
                .update();
        history.record(TABLE, "id", followUpId, envelope.occurredAt());
    }
}
