package dk.sagsspor.query.meeting;

import dk.sagsspor.events.EventEnvelope;
import dk.sagsspor.events.meeting.MeetingNextAgendaPromised;
import dk.sagsspor.events.meeting.MeetingUndertakingReviewed;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A meeting's promises for the next meeting ({@code meeting_promise}): each promise replaces the meeting's earlier ones. */
@Repository
class MeetingPromises {

    /** The committee's next meeting after meeting {@code m} that is not cancelled, as {@code n} (if there is one). */
    private static final String NEXT_MEETING = """

            left join lateral (
                  select * from meeting n
                   where n.committee = m.committee and n.start_at > m.start_at and n.state <> 'CANCELLED'
                   order by n.start_at limit 1) n on true
            """;

    /** What a promise needs of that next meeting: whether its agenda is fixed (sent out, or the meeting held). */
    private static final String NEXT_COLUMNS = """

            n.id as next_id, n.start_at as next_start,
            (n.agenda_published or n.state in ('OPEN', 'CLOSED')) as next_fixed
            """;

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

    /** Records a review of an undertaking, replacing an earlier one of the same. */
    void review(MeetingUndertakingReviewed e, EventEnvelope envelope) {
        jdbc.sql("""
                        insert into meeting_undertaking (meeting_id, agenda_item_id, quote, accepted, title, reviewed_at,
                                                         reviewed_by)
                        values (:meeting, :item, :quote, :accepted, :title, :time, :actor)
                        on conflict (meeting_id, agenda_item_id, quote) do update
                           set accepted = excluded.accepted, title = excluded.title,
                               reviewed_at = excluded.reviewed_at, reviewed_by = excluded.reviewed_by""")
                .param("meeting", e.meetingId())
                .param("item", e.agendaItemId())
                .param("quote", e.quote())
                .param("accepted", e.accepted())
                .param("title", e.title())
                .param("time", Timestamp.from(envelope.occurredAt()))
                .param("actor", envelope.actor())
                .update();
    }

    /**
     * The promises of a committee's meetings (or all), or of one meeting, the newest meeting first, each with the next
     * meeting of its committee after the promising one (not cancelled), if there is one yet.
     */
    List<PromiseController.Row> of(@Nullable String committee, @Nullable String meeting) {
        return jdbc.sql("""
                        select p.meeting_id, m.committee, m.start_at, p.position, p.title, p.next_meeting_date,
                               p.promised_at, """ + NEXT_COLUMNS + """
                          from meeting_promise p
                          join meeting m on m.id = p.meeting_id """ + NEXT_MEETING + """
                         where (cast(:committee as text) is null or m.committee = :committee)
                           and (cast(:meeting as text) is null or p.meeting_id = :meeting)
                         order by m.start_at desc, p.meeting_id, p.position""")
                .param("committee", committee)
                .param("meeting", meeting)
                .query((rs, n) -> new PromiseController.Row(
                        rs.getString("meeting_id"),
                        rs.getString("committee"),
                        rs.getTimestamp("start_at").toInstant(),
                        rs.getInt("position"),
                        rs.getString("title"),
                        rs.getObject("next_meeting_date", LocalDate.class),
                        rs.getTimestamp("promised_at").toInstant(),
                        rs.getString("next_id"),
                        instant(rs.getTimestamp("next_start")),
                        rs.getBoolean("next_fixed"),
                        "minutes",
                        null,
                        null,
                        false))
                .list();
    }

    /**
     * The held (open or closed) meetings of a committee (or all), or one meeting, the newest first, each as a row to
     * make its undertakings' promises from: with the committee's next meeting after it, if there is one yet.
     */
    Map<String, PromiseController.Row> held(@Nullable String committee, @Nullable String meeting) {
        Map<String, PromiseController.Row> held = new LinkedHashMap<>();
        jdbc.sql("""
                        select m.id, m.committee, m.start_at, """ + NEXT_COLUMNS + """
                          from meeting m """ + NEXT_MEETING + """
                         where m.state in ('OPEN', 'CLOSED')
                           and (cast(:committee as text) is null or m.committee = :committee)
                           and (cast(:meeting as text) is null or m.id = :meeting)
                         order by m.start_at desc, m.id""")
                .param("committee", committee)
                .param("meeting", meeting)
                .query((rs, n) -> new PromiseController.Row(
                        rs.getString("id"),
                        rs.getString("committee"),
                        rs.getTimestamp("start_at").toInstant(),
                        0,
                        "",
                        null,
                        rs.getTimestamp("start_at").toInstant(),
                        rs.getString("next_id"),
                        instant(rs.getTimestamp("next_start")),
                        rs.getBoolean("next_fixed"),
                        "decision",
                        null,
                        null,
                        false))
                .list()
                .forEach(row -> held.put(row.meetingId(), row));
        return held;
    }

    /** A secretary's latest review of an undertaking. */
    record Review(boolean accepted, @Nullable String title, Instant at) {}

    /** The key of an undertaking among a meeting's reviews. */
    static String key(String meetingId, String agendaItemId, String quote) {
        return meetingId + "\n" + agendaItemId + "\n" + quote;
    }

    /** The reviews of the meetings' undertakings, by {@link #key}. */
    Map<String, Review> reviews(List<String> meetingIds) {
        Map<String, Review> reviews = new HashMap<>();
        if (meetingIds.isEmpty()) {
            return reviews;
        }
        jdbc.sql("select * from meeting_undertaking where meeting_id = any(:meetings)")
                .param("meetings", meetingIds.toArray(String[]::new))
                .query(rs -> {
                    reviews.put(
                            key(rs.getString("meeting_id"), rs.getString("agenda_item_id"), rs.getString("quote")),
                            new Review(
                                    rs.getBoolean("accepted"),
                                    rs.getString("title"),
                                    rs.getTimestamp("reviewed_at").toInstant()));
                });
        return reviews;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
