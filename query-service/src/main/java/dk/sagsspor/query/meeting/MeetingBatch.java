package dk.sagsspor.query.meeting;

import dk.sagsspor.events.EventEnvelope;
import dk.sagsspor.events.meeting.MeetingAgendaItemAdded;
import dk.sagsspor.events.meeting.MeetingAgendaItemRemoved;
import dk.sagsspor.events.meeting.MeetingAgendaItemRenumbered;
import dk.sagsspor.events.meeting.MeetingAgendaPublished;
import dk.sagsspor.events.meeting.MeetingAgendaReordered;
import dk.sagsspor.events.meeting.MeetingCancelled;
import dk.sagsspor.events.meeting.MeetingClosed;
import dk.sagsspor.events.meeting.MeetingEvent;
import dk.sagsspor.events.meeting.MeetingMinutesApproved;
import dk.sagsspor.events.meeting.MeetingNextAgendaPromised;
import dk.sagsspor.events.meeting.MeetingOpened;
import dk.sagsspor.events.meeting.MeetingRescheduled;
import dk.sagsspor.events.meeting.MeetingScheduled;
import dk.sagsspor.events.meeting.MeetingUndertakingReviewed;
import dk.sagsspor.query.projection.DecodedEvent;
import dk.sagsspor.query.projection.Rows;
import java.time.Instant;
import java.util.ArrayList;
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
 * A poll's meeting events written in a handful of statements: the meetings' rows, their agenda lines and where their
 * latest versions begin are read at once, the events applied in memory — a version of the meeting after each event,
 * and of its whole agenda after each change of it, dated as {@link dk.sagsspor.query.projection.History} dates them
 * — and the rows and versions written at once. It gives exactly the tables the event-by-event statements of
 * {@link MeetingProjection} give (they remain the reference, used when a poll has to be applied event by event to find
 * a failing record); anything they would refuse or that has no row to change is left to them.
 */
@Repository
class MeetingBatch {

    private final Rows rows;
    private final JsonMapper json;
    private final MeetingPromises promises;

    MeetingBatch(Rows rows, JsonMapper json, MeetingPromises promises) {
        this.rows = rows;
        this.json = json;
        this.promises = promises;
    }

    void apply(List<DecodedEvent<MeetingEvent>> events) {
        Set<String> ids = new LinkedHashSet<>();
        Map<String, Instant> firstEvent = new LinkedHashMap<>();
        Map<String, Instant> firstAgendaChange = new LinkedHashMap<>();
        for (DecodedEvent<MeetingEvent> event : events) {
            String id = event.envelope().aggregateId();
            ids.add(id);
            firstEvent.putIfAbsent(id, event.envelope().occurredAt());
            if (changesAgenda(event.event())) {
                firstAgendaChange.putIfAbsent(id, event.envelope().occurredAt());
            }
        }
        Map<String, ObjectNode> meetings = new HashMap<>();
        rows.read("meeting", "id", ids).forEach((id, found) -> meetings.put(id, found.getFirst()));
        Map<String, List<ObjectNode>> agendas = rows.read("agenda_entry", "meeting_id", firstAgendaChange.keySet());
        Map<String, Instant> latestAgenda =
                rows.latestVersions("agenda_entry", "meeting_id", firstAgendaChange.keySet());
        Rows.Versions meetingVersions = rows.new Versions(rows.endOpenVersions("meeting", "id", firstEvent));
        rows.endOpenVersions("agenda_entry", "meeting_id", firstAgendaChange);

        Set<String> changed = new LinkedHashSet<>();
        Map<String, List<ObjectNode>> lastAgendaVersion = new HashMap<>();
        List<ObjectNode> agendaVersions = new ArrayList<>();
        for (DecodedEvent<MeetingEvent> decoded : events) {
            EventEnvelope envelope = decoded.envelope();
            String id = envelope.aggregateId();
            Instant time = envelope.occurredAt();
            ObjectNode meeting = meetings.get(id);
            if (decoded.event() instanceof MeetingScheduled scheduled) {
                if (meeting != null) {
                    throw new IllegalStateException("Meeting " + id + " is scheduled again");
                }
                meeting = scheduled(scheduled, envelope);
                meetings.put(id, meeting);
            } else if (meeting == null) {
                throw new IllegalStateException("Meeting " + id + " is not known: left to the event-by-event path");
            } else {
                List<ObjectNode> agenda = agendas.computeIfAbsent(id, k -> new ArrayList<>());
                apply(meeting, agenda, decoded.event(), envelope);
                meeting.put("version", envelope.sequence());
                meeting.put("modified", Rows.time(time));
            }
            changed.add(id);
            meetingVersions.add(id, meeting, time);

            if (changesAgenda(decoded.event())) {
                for (ObjectNode line : lastAgendaVersion.getOrDefault(id, List.of())) {
                    Rows.end(line, time);
                }
                List<ObjectNode> lines = new ArrayList<>();
                Instant from = Rows.later(time, latestAgenda.get(id));
                for (ObjectNode line : agendas.getOrDefault(id, List.of())) {
                    lines.add(rows.version(line, from));
                }
                if (!lines.isEmpty()) {
                    latestAgenda.put(id, from);
                }
                lastAgendaVersion.put(id, lines);
                agendaVersions.addAll(lines);
            }
        }
        rows.upsert(
                "meeting", List.of("id"), changed.stream().map(meetings::get).toList());
        rows.delete("agenda_entry", "meeting_id", lastAgendaVersion.keySet());
        rows.insert(
                "agenda_entry",
                lastAgendaVersion.keySet().stream()
                        .flatMap(id -> agendas.getOrDefault(id, List.of()).stream())
                        .toList());
        rows.insert("meeting_history", meetingVersions.all());
        rows.insert("agenda_entry_history", agendaVersions);
    }

    private ObjectNode scheduled(MeetingScheduled e, EventEnvelope envelope) {
        ObjectNode meeting = json.createObjectNode();
        meeting.put("id", e.meetingId());
        meeting.put("committee", e.committee());
        meeting.put("start_at", Rows.time(e.start()));
        meeting.put("end_at", Rows.time(e.end()));
        meeting.put("location", e.location());
        meeting.put("state", "SCHEDULED");
        meeting.putNull("cancellation");
        meeting.put("agenda_published", false);
        meeting.put("minutes_approved", false);
        meeting.put("version", envelope.sequence());
        meeting.put("created", Rows.time(envelope.occurredAt()));
        meeting.put("modified", Rows.time(envelope.occurredAt()));
        meeting.putNull("agenda_published_at");
        meeting.put("day_only", e.dayOnly());
        meeting.putNull("minutes_corrections");
        return meeting;
    }

    /** The event's change of the meeting's row and agenda lines, as {@link MeetingProjection#apply} makes it. */
    private void apply(ObjectNode meeting, List<ObjectNode> agenda, MeetingEvent event, EventEnvelope envelope) {
        switch (event) {
            case MeetingScheduled e -> throw new IllegalStateException("handled by the caller");
            case MeetingRescheduled e -> {
                meeting.put("start_at", Rows.time(e.start()));
                meeting.put("end_at", Rows.time(e.end()));
                meeting.put("day_only", false);
                meeting.put("location", e.location());
            }
            case MeetingCancelled e -> {
                meeting.put("state", "CANCELLED");
                meeting.put("cancellation", e.reason());
            }
            case MeetingAgendaItemAdded e -> {
                if (line(agenda, e.agendaItemId()) != null) {
                    throw new IllegalStateException("Item " + e.agendaItemId() + " is on the agenda already");
                }
                int position = agenda.stream()
                        .mapToInt(l -> l.path("position").asInt())
                        .max()
                        .orElse(0);
                ObjectNode line = json.createObjectNode();
                line.put("meeting_id", e.meetingId());
                line.put("agenda_item_id", e.agendaItemId());
                line.put("number", e.number());
                line.put("section", e.section());
                line.put("position", position + 1);
                agenda.add(line);
            }
            case MeetingAgendaItemRemoved e ->
                agenda.removeIf(l -> l.path("agenda_item_id").asString().equals(e.agendaItemId()));
            case MeetingAgendaItemRenumbered e -> {
                ObjectNode line = line(agenda, e.agendaItemId());
                if (line != null) {
                    line.put("number", e.number());
                    line.put("section", e.section());
                }
            }
            case MeetingAgendaReordered e -> {
                for (int position = 0; position < e.agendaItemIds().size(); position++) {
                    ObjectNode line = line(agenda, e.agendaItemIds().get(position));
                    if (line != null) {
                        line.put("position", position + 1);
                    }
                }
            }
            case MeetingAgendaPublished e -> {
                meeting.put("agenda_published", true);
                meeting.put("agenda_published_at", Rows.time(envelope.occurredAt()));
            }
            case MeetingOpened e -> meeting.put("state", "OPEN");
            case MeetingClosed e -> meeting.put("state", "CLOSED");
            case MeetingMinutesApproved e -> {
                meeting.put("minutes_approved", true);
                meeting.set("minutes_corrections", json.valueToTree(e.corrections()));
            }
            case MeetingNextAgendaPromised e -> promises.promise(e, envelope);
            case MeetingUndertakingReviewed e -> promises.review(e, envelope);
        }
    }

    private static ObjectNode line(List<ObjectNode> agenda, String agendaItemId) {
        return agenda.stream()
                .filter(l -> l.path("agenda_item_id").asString().equals(agendaItemId))
                .findFirst()
                .orElse(null);
    }

    static boolean changesAgenda(MeetingEvent event) {
        return switch (event) {
            case MeetingAgendaItemAdded _,
                    MeetingAgendaItemRemoved _,
                    MeetingAgendaItemRenumbered _,
                    MeetingAgendaReordered _ -> true;
            // publishing, cancelling or closing keeps the lines as they are (the published agenda is the meeting's)
            case MeetingScheduled _,
                    MeetingRescheduled _,
                    MeetingCancelled _,
                    MeetingAgendaPublished _,
                    MeetingOpened _,
                    MeetingClosed _,
                    MeetingMinutesApproved _,
                    MeetingNextAgendaPromised _,
                    MeetingUndertakingReviewed _ -> false;
        };
    }
}
