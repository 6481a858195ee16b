package dk.sagsspor.query.meeting;

import dk.sagsspor.query.projection.History;
import java.time.Instant;

/**
 * Where a meeting's agenda lines are read from, as they stood at an instant (now when null): the entries ({@code e}),
 * their items' rows ({@code i}) and what became of each item at this meeting ({@code o.status}, {@code o.outcome}: its
 * latest {@code agenda_item_at_meeting} row up to the instant), so a deferred item shows as deferred here while it is
 * scheduled on the next meeting. Binds {@code :asOf}.
 */
final class AgendaLines {

    private AgendaLines() {}

    static String from(Instant asOf) {
        return " from " + History.asOf("agenda_entry", asOf) + " e"
                + " left join " + History.asOf("agenda_item", asOf) + " i on i.id = e.agenda_item_id"
                + """
                   left join lateral (
                        select status, outcome from agenda_item_at_meeting a
                         where a.agenda_item_id = e.agenda_item_id and a.meeting_id = e.meeting_id
                           and (cast(:asOf as timestamptz) is null or a.recorded_at <= :asOf)
                         order by a.sequence desc limit 1) o on true
                """;
    }
}
