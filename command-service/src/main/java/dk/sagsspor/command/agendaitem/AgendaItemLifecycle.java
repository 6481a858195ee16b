package dk.sagsspor.command.agendaitem;

import dk.sagsspor.command.VersionedCommand;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.DecideAgendaItem;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.DeferAgendaItem;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.DiscussAgendaItem;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.ItemLifecycleCommand;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.ScheduleAgendaItem;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.UnscheduleAgendaItem;
import dk.sagsspor.command.meeting.Meeting;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * The commands whose rules involve both an item and its meeting. Both aggregates are loaded in one unit of work, and
 * their events are stored in one database transaction: an item is never on a meeting whose agenda does not list it.
 * Items are discussed, decided and deferred only while their meeting is open (the meeting is being held); after it
 * closes, undecided items are carried over, and a recorded decision can only be corrected.
 */
@Component
class AgendaItemLifecycle {

    private final Repository<AgendaItem> items;
    private final Repository<Meeting> meetings;

    AgendaItemLifecycle(Repository<AgendaItem> items, Repository<Meeting> meetings) {
        this.items = items;
        this.meetings = meetings;
    }

    @CommandHandler
    long handle(ScheduleAgendaItem command) {
        Aggregate<AgendaItem> item = load(command);
        Aggregate<Meeting> meeting = meetings.load(command.meetingId());
        String committee = item.invoke(AgendaItem::committee);
        meeting.execute(m -> m.place(command.agendaItemId(), committee, command.number(), command.section()));
        item.execute(i -> i.scheduleOn(command.meetingId()));
        return item.version();
    }

    @CommandHandler
    long handle(UnscheduleAgendaItem command) {
        Aggregate<AgendaItem> item = load(command);
        String meetingId = item.invoke(AgendaItem::meetingId);
        item.execute(AgendaItem::unschedule);
        meetings.load(meetingId).execute(m -> m.remove(command.agendaItemId()));
        return item.version();
    }

    @CommandHandler
    long handle(DiscussAgendaItem command) {
        Aggregate<AgendaItem> item = load(command);
        item.execute(i -> i.discuss(command.notes()));
        meetingOf(item).execute(Meeting::requireOpen);
        return item.version();
    }

    @CommandHandler
    long handle(DecideAgendaItem command) {
        Aggregate<AgendaItem> item = load(command);
        item.execute(i -> i.decide(command.outcome(), command.text()));
        meetingOf(item).execute(Meeting::requireOpen);
        return item.version();
    }

    @CommandHandler
    long handle(DeferAgendaItem command) {
        Aggregate<AgendaItem> item = load(command);
        String from = item.invoke(AgendaItem::meetingId);
        item.execute(i -> i.defer(command.reason(), command.toMeetingId()));
        meetings.load(from).execute(Meeting::requireOpen);
        if (command.toMeetingId() != null) {
            String committee = item.invoke(AgendaItem::committee);
            meetings.load(command.toMeetingId()).execute(m -> m.requireAccepts(committee));
        }
        return item.version();
    }

    /** The item, at the version the client expects (checked before any rule). */
    private Aggregate<AgendaItem> load(ItemLifecycleCommand command) {
        return VersionedCommand.loadExpected(items, command.agendaItemId(), command);
    }

    /** The meeting the item is on; the item's own rules have already required that it is on one. */
    private Aggregate<Meeting> meetingOf(Aggregate<AgendaItem> item) {
        return meetings.load(item.invoke(AgendaItem::meetingId));
    }
}
