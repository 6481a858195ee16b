package dk.sagsspor.query.meeting;

import dk.sagsspor.events.EventEnvelope;
import dk.sagsspor.events.meeting.MeetingNextAgendaPromised;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A meeting's promises for the next meeting ({@code meeting_promise}): each promise replaces the meeting's earlier ones. */
@Repository
class MeetingPromises {

    private final JdbcClient jdbc;

    MeetingPromises(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void promise(MeetingNextAgendaPromised e, EventEnvelope envelope) {
        jdbc.sql("delete from meeting_promise where meeting_id = :id")
                .param("id", e.meetingId())
                .update();
        for (int position = 0; position < e.expectedItems().size(); position++) {
            jdbc.sql("""
                        insert into meeting_promise (meeting_id, position, title, next_meeting_date, promised_at,
                                                     promised_by)
                        values (:id, :position, :title, :date, :time, :actor)""")
                    .param("id", e.meetingId())
                    .param("position", position + 1)
                    .param("title", e.expectedItems().get(position))
                    .param("date", e.nextMeetingDate())
                    .param("time", Timestamp.from(envelope.occurredAt()))
                    .param("actor", envelope.actor())
                    .update();
        }
    }
}
