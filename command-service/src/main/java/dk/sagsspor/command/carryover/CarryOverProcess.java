package dk.sagsspor.command.carryover;

import dk.sagsspor.command.web.CommandMetaData;
import dk.sagsspor.events.agendaitem.AgendaItemDecided;
import dk.sagsspor.events.agendaitem.AgendaItemDeferred;
import dk.sagsspor.events.agendaitem.AgendaItemScheduled;
import dk.sagsspor.events.agendaitem.AgendaItemWithdrawn;
import dk.sagsspor.events.meeting.MeetingCancelled;
import dk.sagsspor.events.meeting.MeetingClosed;
import dk.sagsspor.events.meeting.MeetingOpened;
import dk.sagsspor.events.meeting.MeetingRescheduled;
import dk.sagsspor.events.meeting.MeetingScheduled;
import java.sql.Timestamp;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Automatic carry-over: when a meeting closes (or is cancelled), every item on it that is neither decided nor
 * withdrawn is deferred, and every deferred item is placed on the next scheduled meeting of its committee — or waits
 * until one is scheduled. This handler only records what must be done ({@code carry_over_task}), in the same
 * transaction as the processor's token; {@link CarryOverTasks} does it. Both survive restarts. The processor runs one
 * segment, so meeting and item events are seen in the order they were recorded.
 */
@Component
@ProcessingGroup(CarryOverProcess.PROCESSING_GROUP)
class CarryOverProcess {

    static final String PROCESSING_GROUP = "carry-over";
    static final String UNDECIDED_AT_CLOSE = "Ikke afgjort, da mødet blev lukket";
    static final String MEETING_CANCELLED = AgendaItemDeferred.MEETING_CANCELLED;

    private final JdbcClient jdbc;
    private final CarryOverTasks tasks;

    CarryOverProcess(JdbcClient jdbc, CarryOverTasks tasks) {
        this.jdbc = jdbc;
        this.tasks = tasks;
    }

    @EventHandler
    void on(MeetingScheduled event) {
        jdbc.sql("""
                        insert into carry_over_meeting (meeting_id, committee, start_at, state)
                        values (:id, :committee, :start, 'SCHEDULED') on conflict (meeting_id) do nothing""")
                .param("id", event.meetingId())
                .param("committee", event.committee())
                .param("start", Timestamp.from(event.start()))
                .update();
        tasks.wakeUp();
    }

    @EventHandler
    void on(MeetingRescheduled event) {
        jdbc.sql("update carry_over_meeting set start_at = :start where meeting_id = :id")
                .param("start", Timestamp.from(event.start()))
                .param("id", event.meetingId())
                .update();
        tasks.wakeUp();
    }

    @EventHandler
    void on(MeetingOpened event) {
        state(event.meetingId(), "OPEN");
    }

    // History recorded after the fact (imported minutes, with a business time) is never carried over: it records what
    // happened, and what became of an undecided item there is what later minutes show (MinutesImport).

    @EventHandler
    void on(
            MeetingClosed event,
            @MetaDataValue(CommandMetaData.CORRELATION_ID) String correlationId,
            @MetaDataValue(CommandMetaData.OCCURRED_AT) String occurredAt) {
        state(event.meetingId(), "CLOSED");
        if (occurredAt == null) {
            deferAll(event.meetingId(), event.agendaItemIds(), UNDECIDED_AT_CLOSE, correlationId);
        }
    }

    @EventHandler
    void on(
            MeetingCancelled event,
            @MetaDataValue(CommandMetaData.CORRELATION_ID) String correlationId,
            @MetaDataValue(CommandMetaData.OCCURRED_AT) String occurredAt) {
        state(event.meetingId(), "CANCELLED");
        if (occurredAt == null) {
            deferAll(event.meetingId(), event.agendaItemIds(), MEETING_CANCELLED, correlationId);
        }
    }

    @EventHandler
    void on(
            AgendaItemDeferred event,
            @MetaDataValue(CommandMetaData.CORRELATION_ID) String correlationId,
            @MetaDataValue(CommandMetaData.OCCURRED_AT) String occurredAt) {
        if (occurredAt != null) {
            return;
        }
        jdbc.sql("""
                        insert into carry_over_task (agenda_item_id, kind, from_meeting_id, to_meeting_id, committee,
                                                     not_before, reason, correlation_id)
                        select :item, 'PLACE', m.meeting_id, :to, m.committee, m.start_at, :reason, :correlationId
                          from carry_over_meeting m where m.meeting_id = :from
                        on conflict (agenda_item_id, kind) do update
                           set from_meeting_id = excluded.from_meeting_id, to_meeting_id = excluded.to_meeting_id,
                               committee = excluded.committee, not_before = excluded.not_before,
                               reason = excluded.reason, correlation_id = excluded.correlation_id,
                               attempts = 0, last_error = null, next_attempt_at = now()""")
                .param("item", event.agendaItemId())
                .param("to", event.toMeetingId())
                .param("reason", event.reason())
                .param("correlationId", correlationId)
                .param("from", event.fromMeetingId())
                .update();
        finished(event.agendaItemId(), "DEFER");
        tasks.wakeUp();
    }

    @EventHandler
    void on(AgendaItemScheduled event) {
        finished(event.agendaItemId(), "PLACE");
    }

    @EventHandler
    void on(AgendaItemDecided event) {
        finished(event.agendaItemId(), "DEFER");
    }

    @EventHandler
    void on(AgendaItemWithdrawn event) {
        jdbc.sql("delete from carry_over_task where agenda_item_id = :item")
                .param("item", event.agendaItemId())
                .update();
    }

    private void deferAll(String meetingId, List<String> agendaItemIds, String reason, String correlationId) {
        for (String item : agendaItemIds) {
            jdbc.sql("""
                            insert into carry_over_task (agenda_item_id, kind, from_meeting_id, committee, not_before,
                                                         reason, correlation_id)
                            select :item, 'DEFER', meeting_id, committee, start_at, :reason, :correlationId
                              from carry_over_meeting where meeting_id = :meeting
                            on conflict (agenda_item_id, kind) do nothing""")
                    .param("item", item)
                    .param("reason", reason)
                    .param("correlationId", correlationId)
                    .param("meeting", meetingId)
                    .update();
        }
        tasks.wakeUp();
    }

    private void state(String meetingId, String state) {
        jdbc.sql("update carry_over_meeting set state = :state where meeting_id = :id")
                .param("state", state)
                .param("id", meetingId)
                .update();
    }

    private void finished(String agendaItemId, String kind) {
        jdbc.sql("delete from carry_over_task where agenda_item_id = :item and kind = :kind")
                .param("item", agendaItemId)
                .param("kind", kind)
                .update();
    }
}
