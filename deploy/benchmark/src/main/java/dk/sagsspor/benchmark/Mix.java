package dk.sagsspor.benchmark;

import dk.sagsspor.events.SagssporEvent;
import dk.sagsspor.events.agendaitem.AgendaItemDecided;
import dk.sagsspor.events.agendaitem.AgendaItemDeferred;
import dk.sagsspor.events.agendaitem.AgendaItemDiscussed;
import dk.sagsspor.events.agendaitem.AgendaItemProposed;
import dk.sagsspor.events.agendaitem.AgendaItemRevised;
import dk.sagsspor.events.agendaitem.AgendaItemScheduled;
import dk.sagsspor.events.agendaitem.DecisionOutcome;
import dk.sagsspor.events.agendaitem.FollowUpAssigned;
import dk.sagsspor.events.agendaitem.FollowUpCompleted;
import dk.sagsspor.events.meeting.AgendaEntry;
import dk.sagsspor.events.meeting.MeetingAgendaItemAdded;
import dk.sagsspor.events.meeting.MeetingAgendaPublished;
import dk.sagsspor.events.meeting.MeetingClosed;
import dk.sagsspor.events.meeting.MeetingMinutesApproved;
import dk.sagsspor.events.meeting.MeetingOpened;
import dk.sagsspor.events.meeting.MeetingScheduled;
import dk.sagsspor.events.staff.StaffMemberRegistered;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The realistic mix of events M3 rebuilds from, as a committee's work produces them: one cycle is a meeting of one of
 * ten committees — scheduled, ten items proposed and revised twice, placed on its agenda, the agenda published, the
 * meeting opened, each item scheduled, discussed and decided (two of ten deferred), the meeting closed and its minutes
 * approved — and a follow-up assigned for each decided item, half of them completed; the first cycle also registers
 * the staff. 87 events a cycle (72 of items, 15 of the meeting), of all three aggregate types, in the order they
 * happen.
 */
final class Mix {

    /** An event with what the relay puts beside it. */
    record Event(SagssporEvent event, String aggregateType, long sequence) {}

    private static final List<String> STAFF = List.of("hast", "haan", "mela", "jopo", "kibe");

    private Mix() {}

    static List<Event> cycle(int cycle) {
        List<Event> events = new ArrayList<>();
        Map<String, Long> sequences = new HashMap<>();
        if (cycle == 0) {
            for (String initials : STAFF) {
                add(events, sequences, "StaffMember", initials,
                        new StaffMemberRegistered(initials, "Medarbejder " + initials, initials + "@kl.dk"));
            }
        }
        String committee = "KKR Benchmark " + (cycle % 10);
        String meeting = UUID.randomUUID().toString();
        Instant start = Instant.parse("2025-01-01T08:00:00Z").plusSeconds(86_400L * 7 * (cycle / 10));
        add(events, sequences, "Meeting", meeting,
                new MeetingScheduled(meeting, committee, start, start.plusSeconds(3 * 3_600), "Regionshuset"));
        List<String> items = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            String item = UUID.randomUUID().toString();
            items.add(item);
            String title = "Punkt " + i + " på møde " + cycle;
            String reference = "SAG-2025-" + String.format("%05d", cycle % 100_000);
            String officer = STAFF.get(i % STAFF.size());
            add(events, sequences, "AgendaItem", item,
                    new AgendaItemProposed(item, committee, title, reference, List.of(officer),
                            "Baggrund for " + title + ".", "Det indstilles, at udvalget godkender punktet.", null,
                            List.of(), false));
            for (int revision = 1; revision <= 2; revision++) {
                add(events, sequences, "AgendaItem", item,
                        new AgendaItemRevised(item, title, reference, List.of(officer), "Baggrund for " + title + ".",
                                "Det indstilles, at udvalget godkender punktet.",
                                "Sagsfremstilling, version " + revision + ".", List.of(), List.of("presentation")));
            }
        }
        List<AgendaEntry> agenda = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String number = "3." + (i + 1);
            add(events, sequences, "Meeting", meeting,
                    new MeetingAgendaItemAdded(meeting, items.get(i), number, "Regionalpolitiske sager", false));
            agenda.add(new AgendaEntry(items.get(i), number, "Regionalpolitiske sager"));
        }
        add(events, sequences, "Meeting", meeting, new MeetingAgendaPublished(meeting, agenda));
        for (String item : items) {
            add(events, sequences, "AgendaItem", item, new AgendaItemScheduled(item, meeting));
        }
        add(events, sequences, "Meeting", meeting, new MeetingOpened(meeting));
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            add(events, sequences, "AgendaItem", item, new AgendaItemDiscussed(item, meeting, "Drøftet."));
            if (i % 5 == 4) {
                add(events, sequences, "AgendaItem", item,
                        new AgendaItemDeferred(item, meeting, "Udsat til næste møde", null, false));
            } else {
                add(events, sequences, "AgendaItem", item,
                        new AgendaItemDecided(item, meeting, DecisionOutcome.APPROVED,
                                "KKR godkendte indstillingen. Høringssvar sendes senest den 31. maj 2025."));
            }
        }
        add(events, sequences, "Meeting", meeting, new MeetingClosed(meeting, items));
        add(events, sequences, "Meeting", meeting, new MeetingMinutesApproved(meeting, List.of()));
        for (int i = 0; i < items.size(); i++) {
            if (i % 5 == 4) {
                continue;
            }
            String item = items.get(i);
            String followUp = UUID.randomUUID().toString();
            add(events, sequences, "AgendaItem", item,
                    new FollowUpAssigned(item, followUp, "Send høringssvar", LocalDate.of(2025, 5, 31),
                            STAFF.get(i % STAFF.size()), null));
            if (i % 2 == 0) {
                add(events, sequences, "AgendaItem", item, new FollowUpCompleted(item, followUp, "Sendt."));
            }
        }
        return events;
    }

    private static void add(
            List<Event> events, Map<String, Long> sequences, String type, String aggregateId, SagssporEvent event) {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        events.add(new Event(event, type, sequence));
    }
}
