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
import dk.sagsspor.query.projection.Rows;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A poll's follow-up events written in a handful of statements: the follow-ups' and items' rows and where the
 * follow-ups' latest versions begin are read at once, the events applied in memory — a version of a follow-up after
 * each of its events, dated as {@link dk.sagsspor.query.projection.History} dates them — and the rows and versions
 * written at once. It gives exactly the tables the event-by-event statements of {@link FollowUpProjection} give (they
 * remain the reference); anything they would refuse is left to them.
 */
@Repository
class FollowUpBatch {

    private final Rows rows;
    private final JsonMapper json;

    FollowUpBatch(Rows rows, JsonMapper json) {
        this.rows = rows;
        this.json = json;
    }

    void apply(List<DecodedEvent<AgendaItemEvent>> events) {
        Set<String> itemIds = new LinkedHashSet<>();
        Map<String, Instant> firstEvent = new LinkedHashMap<>();
        for (DecodedEvent<AgendaItemEvent> decoded : events) {
            String followUp = followUpId(decoded.event());
            if (followUp != null) {
                firstEvent.putIfAbsent(followUp, decoded.envelope().occurredAt());
            } else if (decoded.event() instanceof AgendaItemProposed || changesItem(decoded.event())) {
                itemIds.add(decoded.envelope().aggregateId());
            }
        }
        Map<String, ObjectNode> items = new HashMap<>();
        rows.read(FollowUpProjection.ITEMS, "id", itemIds).forEach((id, found) -> items.put(id, found.getFirst()));
        Map<String, ObjectNode> followUps = new HashMap<>();
        rows.read(FollowUpProjection.TABLE, "id", firstEvent.keySet())
                .forEach((id, found) -> followUps.put(id, found.getFirst()));
        Rows.Versions versions = rows.new Versions(rows.endOpenVersions(FollowUpProjection.TABLE, "id", firstEvent));

        Set<String> changedItems = new LinkedHashSet<>();
        Set<String> changedFollowUps = new LinkedHashSet<>();
        for (DecodedEvent<AgendaItemEvent> decoded : events) {
            EventEnvelope envelope = decoded.envelope();
            Instant time = envelope.occurredAt();
            AgendaItemEvent event = decoded.event();
            String followUpId = followUpId(event);
            if (followUpId == null) {
                if (item(items, event)) {
                    changedItems.add(envelope.aggregateId());
                }
                continue;
            }
            ObjectNode followUp = followUps.get(followUpId);
            if (event instanceof FollowUpAssigned e) {
                if (followUp != null) {
                    throw new IllegalStateException("Follow-up " + followUpId + " is assigned again");
                }
                followUp = assigned(e, time);
                followUps.put(followUpId, followUp);
            } else if (followUp == null) {
                continue; // a change of a follow-up the read model does not have changes nothing, as in SQL
            } else {
                change(followUp, event);
                followUp.put("modified", Rows.time(time));
            }
            changedFollowUps.add(followUpId);
            versions.add(followUpId, followUp, time);
        }
        rows.upsert(
                FollowUpProjection.ITEMS,
                List.of("id"),
                changedItems.stream().map(items::get).toList());
        rows.upsert(
                FollowUpProjection.TABLE,
                List.of("id"),
                changedFollowUps.stream().map(followUps::get).toList());
        rows.insert(FollowUpProjection.TABLE + "_history", versions.all());
    }

    /** The event's change of what follow-ups keep of its item; true if it changed (or made) the item's row. */
    private boolean item(Map<String, ObjectNode> items, AgendaItemEvent event) {
        switch (event) {
            case AgendaItemProposed e -> {
                if (items.containsKey(e.agendaItemId())) {
                    throw new IllegalStateException("Item " + e.agendaItemId() + " is proposed again");
                }
                ObjectNode item = json.createObjectNode();
                item.put("id", e.agendaItemId());
                item.put("committee", e.committee());
                item.put("title", e.title());
                item.put("case_number", e.caseNumber());
                item.putNull("meeting_id");
                item.put("closed_item", e.closedItem());
                items.put(e.agendaItemId(), item);
                return true;
            }
            case AgendaItemRevised e
            when e.changed("title") || e.changed("caseNumber") -> {
                ObjectNode item = items.get(e.agendaItemId());
                if (item == null) {
                    return false;
                }
                item.put("title", e.title());
                item.put("case_number", e.caseNumber());
                return true;
            }
            case AgendaItemDecided e -> {
                ObjectNode item = items.get(e.agendaItemId());
                if (item == null) {
                    return false;
                }
                item.put("meeting_id", e.meetingId());
                return true;
            }
            // what follow-ups do not show of an item; every event is named, so a new one is a compile error here
            case AgendaItemRevised _,
                    AgendaItemScheduled _,
                    AgendaItemUnscheduled _,
                    AgendaItemDiscussed _,
                    AgendaItemDecisionCorrected _,
                    AgendaItemDeferred _,
                    AgendaItemWithdrawn _,
                    FollowUpAssigned _,
                    FollowUpDueDateChanged _,
                    FollowUpReassigned _,
                    FollowUpCompleted _,
                    FollowUpCancelled _ -> {
                return false;
            }
        }
    }

    private ObjectNode assigned(FollowUpAssigned e, Instant time) {
        ObjectNode followUp = json.createObjectNode();
        followUp.put("id", e.followUpId());
        followUp.put("agenda_item_id", e.agendaItemId());
        followUp.put("description", e.description());
        followUp.put("due_date", e.dueDate().toString());
        followUp.put("assignee", e.assignee());
        followUp.put("source", e.source());
        followUp.put("status", "OPEN");
        followUp.putNull("closing_note");
        followUp.put("assigned_at", Rows.time(time));
        followUp.put("modified", Rows.time(time));
        return followUp;
    }

    /** The event's change of the follow-up's row, as {@link FollowUpProjection#apply} makes it. */
    private static void change(ObjectNode followUp, AgendaItemEvent event) {
        switch (event) {
            case FollowUpDueDateChanged e ->
                followUp.put("due_date", e.dueDate().toString());
            case FollowUpReassigned e -> followUp.put("assignee", e.assignee());
            case FollowUpCompleted e -> {
                followUp.put("status", "DONE");
                followUp.put("closing_note", e.note());
            }
            case FollowUpCancelled e -> {
                followUp.put("status", "CANCELLED");
                followUp.put("closing_note", e.reason());
            }
            // called only for the events followUpId names a follow-up by, other than its assignment
            case FollowUpAssigned _,
                    AgendaItemProposed _,
                    AgendaItemRevised _,
                    AgendaItemScheduled _,
                    AgendaItemUnscheduled _,
                    AgendaItemDiscussed _,
                    AgendaItemDecided _,
                    AgendaItemDecisionCorrected _,
                    AgendaItemDeferred _,
                    AgendaItemWithdrawn _ -> throw new IllegalStateException("Not a change of a follow-up: " + event);
        }
    }

    /** The follow-up an event is about, or null for the item's own events. */
    private static String followUpId(AgendaItemEvent event) {
        return switch (event) {
            case FollowUpAssigned e -> e.followUpId();
            case FollowUpDueDateChanged e -> e.followUpId();
            case FollowUpReassigned e -> e.followUpId();
            case FollowUpCompleted e -> e.followUpId();
            case FollowUpCancelled e -> e.followUpId();
            case AgendaItemProposed _,
                    AgendaItemRevised _,
                    AgendaItemScheduled _,
                    AgendaItemUnscheduled _,
                    AgendaItemDiscussed _,
                    AgendaItemDecided _,
                    AgendaItemDecisionCorrected _,
                    AgendaItemDeferred _,
                    AgendaItemWithdrawn _ -> null;
        };
    }

    /** An event that may change what follow-ups keep of an item already there. */
    private static boolean changesItem(AgendaItemEvent event) {
        return switch (event) {
            case AgendaItemRevised _, AgendaItemDecided _ -> true;
            case AgendaItemProposed _,
                    AgendaItemScheduled _,
                    AgendaItemUnscheduled _,
                    AgendaItemDiscussed _,
                    AgendaItemDecisionCorrected _,
                    AgendaItemDeferred _,
                    AgendaItemWithdrawn _,
                    FollowUpAssigned _,
                    FollowUpDueDateChanged _,
                    FollowUpReassigned _,
                    FollowUpCompleted _,
                    FollowUpCancelled _ -> false;
        };
    }
}
