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
import dk.sagsspor.query.projection.History;
import dk.sagsspor.query.projection.Projection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code meeting}, its {@code agenda_entry} rows and its promises for the next meeting ({@code meeting_promise})
 * up to date, with their versions (see {@link History}).
 */
@Component
class MeetingProjection implements Projection<MeetingEvent> {

    static final String NAME = "meetings";

    private final JdbcClient jdbc;
    private final History history;
    private final MeetingPromises promises;
    private final MeetingBatch batch;

    MeetingProjection(JdbcClient jdbc, History history, MeetingPromises promises, MeetingBatch batch) {
        this.jdbc = jdbc;
        this.history = history;
        this.promises = promises;
        this.batch = batch;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<MeetingEvent> eventType() {
        return MeetingEvent.class;
    }

    /** The batch ends open versions by these, and {@link History#record} finds the latest by these. */
    @Override
    public List<String> writeIndexes() {
        return List.of(
                "meeting_history_id",
                "meeting_history_open",
                "agenda_entry_history_meeting",
                "agenda_entry_history_open");
    }

    @Override
    public List<String> tables() {
        return List.of(
                "meeting_undertaking",
                "meeting_promise",
                "agenda_entry_history",
                "agenda_entry",
                "meeting_history",
                "meeting");
    }

    /** A poll's events in a few statements ({@link MeetingBatch}); this class's event-by-event path is the reference. */
    @Override
    public void apply(List<DecodedEvent<MeetingEvent>> events) {
        batch.apply(events);
    }

    @Override
    public void apply(DecodedEvent<MeetingEvent> decoded) {
        MeetingEvent event = decoded.event();
        EventEnvelope envelope = decoded.envelope();
        boolean agendaChanged = false;
        switch (event) {
            case MeetingScheduled e -> {
                jdbc.sql("""
                            insert into meeting (id, committee, start_at, end_at, day_only, location, state, version, created, modified)
                            values (:id, :committee, :start, :end, :dayOnly, :location, 'SCHEDULED', :version,
                                    :time, :time)""")
                        .param("id", e.meetingId())
                        .param("committee", e.committee())
                        .param("start", timestamp(e.start()))
                        .param("end", timestamp(e.end()))
                        .param("dayOnly", e.dayOnly())
                        .param("location", e.location())
                        .param("version", envelope.sequence())
                        .param("time", timestamp(envelope.occurredAt()))
                        .update();
                history.record("meeting", "id", e.meetingId(), envelope.occurredAt());
                return;
            }
            case MeetingRescheduled e -> {
                jdbc.sql("""
                            update meeting set start_at = :start, end_at = :end, day_only = false, location = :location
                             where id = :id""")
                        .param("start", timestamp(e.start()))
                        .param("end", timestamp(e.end()))
                        .param("location", e.location())
                        .param("id", e.meetingId())
                        .update();
            }
            case MeetingCancelled e -> {
                jdbc.sql("update meeting set state = 'CANCELLED', cancellation = :reason where id = :id")
                        .param("reason", e.reason())
                        .param("id", e.meetingId())
                        .update();
            }
            case MeetingAgendaItemAdded e -> {
                agendaChanged = true;
                jdbc.sql("""
                            insert into agenda_entry (meeting_id, agenda_item_id, number, section, position)
                            values (:meeting, :item, :number, :section,
                                    (select coalesce(max(position), 0) + 1 from agenda_entry where meeting_id = :meeting))""")
                        .param("meeting", e.meetingId())
                        .param("item", e.agendaItemId())
                        .param("number", e.number())
                        .param("section", e.section())
                        .update();
            }
            case MeetingAgendaItemRemoved e -> {
                agendaChanged = true;
                jdbc.sql("delete from agenda_entry where meeting_id = :meeting and agenda_item_id = :item")
                        .param("meeting", e.meetingId())
                        .param("item", e.agendaItemId())
                        .update();
            }
            case MeetingAgendaItemRenumbered e -> {
                agendaChanged = true;
                jdbc.sql("""
                            update agenda_entry set number = :number, section = :section
                             where meeting_id = :meeting and agenda_item_id = :item""")
                        .param("number", e.number())
                        .param("section", e.section())
                        .param("meeting", e.meetingId())
                        .param("item", e.agendaItemId())
                        .update();
            }
            case MeetingAgendaReordered e -> {
                agendaChanged = true;
                for (int position = 0; position < e.agendaItemIds().size(); position++) {
                    jdbc.sql(
                                    "update agenda_entry set position = :position where meeting_id = :meeting and agenda_item_id = :item")
                            .param("position", position + 1)
                            .param("meeting", e.meetingId())
                            .param("item", e.agendaItemIds().get(position))
                            .update();
                }
            }
            case MeetingAgendaPublished e -> {
                jdbc.sql("update meeting set agenda_published = true, agenda_published_at = :time where id = :id")
                        .param("time", timestamp(envelope.occurredAt()))
                        .param("id", e.meetingId())
                        .update();
            }
            case MeetingOpened e -> {
                state(e.meetingId(), "state = 'OPEN'");
            }
            case MeetingClosed e -> {
                state(e.meetingId(), "state = 'CLOSED'");
            }
            case MeetingMinutesApproved e -> {
                jdbc.sql(
                                "update meeting set minutes_approved = true, minutes_corrections = :corrections where id = :id")
                        .param("corrections", e.corrections().toArray(String[]::new))
                        .param("id", e.meetingId())
                        .update();
            }
            case MeetingNextAgendaPromised e -> promises.promise(e, envelope);
            case MeetingUndertakingReviewed e -> promises.review(e, envelope);
        }
        jdbc.sql("update meeting set version = :version, modified = :time where id = :id")
                .param("version", envelope.sequence())
                .param("time", timestamp(envelope.occurredAt()))
                .param("id", envelope.aggregateId())
                .update();
        history.record("meeting", "id", envelope.aggregateId(), envelope.occurredAt());
        if (agendaChanged) {
            history.record("agenda_entry", "meeting_id", envelope.aggregateId(), envelope.occurredAt());
        }
    }

    private void state(String meetingId, String assignment) {
        jdbc.sql("update meeting set " + assignment + " where id = :id")
                .param("id", meetingId)
                .update();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
