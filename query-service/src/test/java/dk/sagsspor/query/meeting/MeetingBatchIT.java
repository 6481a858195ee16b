package dk.sagsspor.query.meeting;

import dk.sagsspor.events.meeting.AgendaEntry;
import dk.sagsspor.events.meeting.MeetingAgendaItemAdded;
import dk.sagsspor.events.meeting.MeetingAgendaItemRemoved;
import dk.sagsspor.events.meeting.MeetingAgendaItemRenumbered;
import dk.sagsspor.events.meeting.MeetingAgendaPublished;
import dk.sagsspor.events.meeting.MeetingAgendaReordered;
import dk.sagsspor.events.meeting.MeetingClosed;
import dk.sagsspor.events.meeting.MeetingEvent;
import dk.sagsspor.events.meeting.MeetingMinutesApproved;
import dk.sagsspor.events.meeting.MeetingNextAgendaPromised;
import dk.sagsspor.events.meeting.MeetingOpened;
import dk.sagsspor.events.meeting.MeetingRescheduled;
import dk.sagsspor.events.meeting.MeetingScheduled;
import dk.sagsspor.query.projection.PollEquivalence;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A poll of meeting events written at once ({@link MeetingBatch}) gives the tables the event-by-event path gives. */
class MeetingBatchIT extends PollEquivalence {

    @Autowired
    MeetingProjection projection;

    @Test
    void aPollWrittenInAFewStatementsGivesTheTablesTheEventByEventStatementsGive() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String third = UUID.randomUUID().toString();
        Instant start = Instant.parse("2025-04-11T08:00:00Z");
        List<Function<String, MeetingEvent>> life = List.of(
                id -> new MeetingScheduled(id, "KKR Batch", start, start.plusSeconds(7_200), "Aalborg", false),
                id -> new MeetingAgendaItemAdded(id, first, "1.1", "Godkendelse", false),
                id -> new MeetingAgendaItemAdded(id, second, "3.1", "Regionalpolitiske sager", false),
                id -> new MeetingRescheduled(id, start.plusSeconds(86_400), null, null, "Flyttet"),
                id -> new MeetingAgendaItemAdded(id, third, null, null, false),
                id -> new MeetingAgendaItemRenumbered(id, third, "3.2", "Regionalpolitiske sager", false),
                id -> new MeetingAgendaReordered(id, List.of(second, first, third), false),
                id -> new MeetingAgendaPublished(
                        id, List.of(new AgendaEntry(second, "3.1", null), new AgendaEntry(first, "1.1", null))),
                id -> new MeetingAgendaItemRemoved(id, first, true),
                id -> new MeetingOpened(id),
                id -> new MeetingAgendaItemAdded(id, first, "4.1", "Eventuelt", true),
                id -> new MeetingClosed(id, List.of(first, second, third)),
                id -> new MeetingNextAgendaPromised(id, LocalDate.parse("2025-06-13"), List.of("Budget", "Strategi")),
                id -> new MeetingMinutesApproved(id, List.of("Punkt 3.1 rettet")));
        // the sixth event is dated before the fifth: versions never go back in time
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < life.size(); i++) {
            times.add(start.minusSeconds(86_400).plusSeconds(3_600L * i));
        }
        times.set(5, times.get(4).minusSeconds(1_800));
        times.set(8, times.get(7));

        // the meeting exists with versions before the poll, as in a live poll
        assertSameRowsBothWays(
                projection,
                "Meeting",
                life,
                times,
                2,
                List.of(
                        "select row_to_json(t)::jsonb - 'id' from meeting t where id = ?",
                        "select row_to_json(t)::jsonb - 'id' from meeting_history t where id = ? order by valid_from, version",
                        "select row_to_json(t)::jsonb - 'meeting_id' from agenda_entry t where meeting_id = ?"
                                + " order by agenda_item_id",
                        "select row_to_json(t)::jsonb - 'meeting_id' from agenda_entry_history t where meeting_id = ?"
                                + " order by valid_from, agenda_item_id, valid_to",
                        "select row_to_json(t)::jsonb - 'meeting_id' from meeting_promise t where meeting_id = ?"
                                + " order by position"));
    }

    @Test
    void aNewMeetingAndItsAgendaInOnePollGiveTheTablesOfOneByOne() {
        String item = UUID.randomUUID().toString();
        Instant start = Instant.parse("2025-09-11T08:00:00Z");
        List<Function<String, MeetingEvent>> life = List.of(
                id -> new MeetingScheduled(id, "KKR Batch", start, null, null, true),
                id -> new MeetingAgendaItemAdded(id, item, "1", null, false),
                id -> new MeetingAgendaItemRemoved(id, item, false),
                id -> new MeetingAgendaItemAdded(id, item, "2", null, false));
        assertSameRowsBothWays(
                projection,
                "Meeting",
                life,
                java.util.stream.IntStream.range(0, life.size())
                        .mapToObj(i -> start.minusSeconds(600 - i))
                        .toList(),
                0,
                List.of(
                        "select row_to_json(t)::jsonb - 'id' from meeting_history t where id = ? order by valid_from, version",
                        "select row_to_json(t)::jsonb - 'meeting_id' from agenda_entry_history t where meeting_id = ?"
                                + " order by valid_from, valid_to"));
    }
}
