package dk.sagsspor.command.meeting;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dk.sagsspor.command.VersionedCommand;
import dk.sagsspor.command.eventstore.AggregateCaching;
import dk.sagsspor.command.meeting.MeetingCommands.ApproveMinutes;
import dk.sagsspor.command.meeting.MeetingCommands.CancelMeeting;
import dk.sagsspor.command.meeting.MeetingCommands.CloseMeeting;
import dk.sagsspor.command.meeting.MeetingCommands.OpenMeeting;
import dk.sagsspor.command.meeting.MeetingCommands.PromiseNextAgenda;
import dk.sagsspor.command.meeting.MeetingCommands.PublishAgenda;
import dk.sagsspor.command.meeting.MeetingCommands.RenumberAgendaItem;
import dk.sagsspor.command.meeting.MeetingCommands.ReorderAgenda;
import dk.sagsspor.command.meeting.MeetingCommands.RescheduleMeeting;
import dk.sagsspor.command.meeting.MeetingCommands.ReviewUndertaking;
import dk.sagsspor.command.meeting.MeetingCommands.ScheduleMeeting;
import dk.sagsspor.events.meeting.AgendaEntry;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A meeting of a committee and its agenda. Its life: scheduled (rescheduled, its agenda built and published, changes
 * after publication recorded as amendments) → opened → closed → minutes approved; or cancelled before it opens. The
 * agenda can change until the meeting is closed or cancelled.
 */
// state fields are the snapshot's content (Jackson, fields only); change them → raise the revision
@Aggregate(cache = AggregateCaching.NAME, snapshotTriggerDefinition = AggregateCaching.SNAPSHOTS)
@Revision("1")
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Meeting {

    /** Where a meeting is in its life. */
    public enum State {
        SCHEDULED,
        OPEN,
        CLOSED,
        CANCELLED
    }

    @AggregateIdentifier
    private String meetingId;

    private String committee;
    private State state;
    private boolean agendaPublished;
    private boolean minutesApproved;
    private final Map<String, AgendaEntry> agenda = new LinkedHashMap<>();
    private MeetingNextAgendaPromised promise;
    /** The latest review of each undertaking, by its item and its sentence. */
    private final Map<String, MeetingUndertakingReviewed> undertakings = new LinkedHashMap<>();

    Meeting() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    Meeting(ScheduleMeeting command) {
        apply(new MeetingScheduled(
                command.meetingId(),
                command.committee(),
                command.start(),
                command.end(),
                command.location(),
                command.dayOnly()));
    }

    /** Before any command on an existing aggregate: the client's If-Match, if any, must name the current version. */
    @CommandHandlerInterceptor
    void requireExpectedVersion(VersionedCommand command) {
        VersionedCommand.requireVersion(command, version());
    }

    @CommandHandler
    long handle(RescheduleMeeting command) {
        requireNotYetOpened();
        apply(new MeetingRescheduled(meetingId, command.start(), command.end(), command.location(), command.reason()));
        return version();
    }

    @CommandHandler
    long handle(CancelMeeting command) {
        requireNotYetOpened();
        apply(new MeetingCancelled(meetingId, command.reason(), List.copyOf(agenda.keySet())));
        return version();
    }

    @CommandHandler
    long handle(PublishAgenda command) {
        requireAgendaEditable();
        if (agenda.isEmpty()) {
            throw new AgendaIsEmpty(meetingId);
        }
        List<String> unnumbered = agenda.values().stream()
                .filter(entry -> entry.number() == null)
                .map(AgendaEntry::agendaItemId)
                .toList();
        if (!unnumbered.isEmpty()) {
            throw new AgendaHasUnnumberedLines(meetingId, unnumbered);
        }
        apply(new MeetingAgendaPublished(meetingId, List.copyOf(agenda.values())));
        return version();
    }

    @CommandHandler
    long handle(OpenMeeting command) {
        requireNotYetOpened();
        apply(new MeetingOpened(meetingId));
        return version();
    }

    @CommandHandler
    long handle(CloseMeeting command) {
        if (state != State.OPEN) {
            requireNotCancelled();
            if (state == State.CLOSED) {
                throw new MeetingAlreadyClosed(meetingId);
            }
            throw new MeetingNotOpen(meetingId, state.name());
        }
        apply(new MeetingClosed(meetingId, List.copyOf(agenda.keySet())));
        return version();
    }

    @CommandHandler
    long handle(ApproveMinutes command) {
        if (state != State.CLOSED) {
            requireNotCancelled();
            throw new MeetingNotClosed(meetingId, state.name());
        }
        if (minutesApproved) {
            throw new MinutesAlreadyApproved(meetingId);
        }
        List<String> corrections = command.corrections() == null ? List.of() : List.copyOf(command.corrections());
        apply(new MeetingMinutesApproved(meetingId, corrections));
        return version();
    }

    /**
     * The minutes promise items for the next meeting: at the meeting or after it, until the minutes are approved.
     * The titles are trimmed; blank ones are refused, and an unchanged promise records nothing.
     */
    @CommandHandler
    long handle(PromiseNextAgenda command) {
        requireNotCancelled();
        if (state == State.SCHEDULED) {
            throw new MeetingNotOpen(meetingId, state.name());
        }
        if (minutesApproved) {
            throw new MinutesAlreadyApproved(meetingId);
        }
        List<String> items = command.expectedItems() == null
                ? List.of()
                : command.expectedItems().stream()
                        .map(title -> title == null ? "" : title.strip())
                        .toList();
        if (items.isEmpty() || items.contains("")) {
            throw new NoItemsPromised(meetingId);
        }
        MeetingNextAgendaPromised promise = new MeetingNextAgendaPromised(meetingId, command.nextMeetingDate(), items);
        if (!promise.equals(this.promise)) {
            apply(promise);
        }
        return version();
    }

    /**
     * Accepts or dismisses an undertaking of one of the meeting's decisions, under the same rules as its promises for
     * the next meeting: the meeting has been held (or is being held) and its minutes are not approved yet. The same
     * review again records nothing.
     */
    @CommandHandler
    long handle(ReviewUndertaking command) {
        requireNotCancelled();
        if (state == State.SCHEDULED) {
            throw new MeetingNotOpen(meetingId, state.name());
        }
        if (minutesApproved) {
            throw new MinutesAlreadyApproved(meetingId);
        }
        String quote = command.quote().strip();
        MeetingUndertakingReviewed review = new MeetingUndertakingReviewed(
                meetingId,
                command.agendaItemId(),
                quote,
                command.accepted(),
                command.accepted() ? command.title().strip() : null);
        if (!review.equals(undertakings.get(undertakingKey(command.agendaItemId(), quote)))) {
            apply(review);
        }
        return version();
    }

    private static String undertakingKey(String agendaItemId, String quote) {
        return agendaItemId + "\n" + quote;
    }

    @CommandHandler
    long handle(RenumberAgendaItem command) {
        requireAgendaEditable();
        AgendaEntry current = agenda.get(command.agendaItemId());
        if (current == null) {
            throw new AgendaItemNotOnAgenda(meetingId, command.agendaItemId());
        }
        // a partial change: what the command does not name stays as it is
        String number = command.parts().contains("number") ? command.number() : current.number();
        String section = command.parts().contains("section") ? command.section() : current.section();
        requireNumberFree(number, command.agendaItemId());
        if (Objects.equals(current.number(), number) && Objects.equals(current.section(), section)) {
            return version();
        }
        apply(new MeetingAgendaItemRenumbered(meetingId, command.agendaItemId(), number, section, agendaPublished));
        return version();
    }

    @CommandHandler
    long handle(ReorderAgenda command) {
        requireAgendaEditable();
        List<String> order = command.agendaItemIds();
        if (order == null || order.size() != agenda.size() || !new HashSet<>(order).equals(agenda.keySet())) {
            throw new AgendaOrderMismatch(meetingId);
        }
        if (!order.equals(new ArrayList<>(agenda.keySet()))) {
            apply(new MeetingAgendaReordered(meetingId, List.copyOf(order), agendaPublished));
        }
        return version();
    }

    /** Puts an item of the given committee on the agenda; called with the item in the same unit of work. */
    public void place(String agendaItemId, String itemCommittee, String number, String section) {
        requireAccepts(itemCommittee);
        if (agenda.containsKey(agendaItemId)) {
            throw new AgendaItemAlreadyOnAgenda(meetingId, agendaItemId);
        }
        requireNumberFree(number, agendaItemId);
        apply(new MeetingAgendaItemAdded(meetingId, agendaItemId, number, section, agendaPublished));
    }

    /** Takes an item off the agenda; called with the item in the same unit of work. */
    public void remove(String agendaItemId) {
        requireAgendaEditable();
        if (!agenda.containsKey(agendaItemId)) {
            throw new AgendaItemNotOnAgenda(meetingId, agendaItemId);
        }
        apply(new MeetingAgendaItemRemoved(meetingId, agendaItemId, agendaPublished));
    }

    /** The agenda can take an item of this committee: the meeting is neither closed nor cancelled. */
    public void requireAccepts(String itemCommittee) {
        requireAgendaEditable();
        if (!committee.equals(itemCommittee)) {
            throw new CommitteeMismatch(itemCommittee, committee);
        }
    }

    /** Items are discussed, decided and deferred while their meeting is open. */
    public void requireOpen() {
        if (state != State.OPEN) {
            throw new MeetingNotOpen(meetingId, state.name());
        }
    }

    public String committee() {
        return committee;
    }

    public State state() {
        return state;
    }

    private void requireNotYetOpened() {
        requireNotCancelled();
        if (state == State.CLOSED) {
            throw new MeetingAlreadyClosed(meetingId);
        }
        if (state == State.OPEN) {
            throw new MeetingAlreadyOpened(meetingId);
        }
    }

    private void requireAgendaEditable() {
        requireNotCancelled();
        if (state == State.CLOSED) {
            throw new MeetingAlreadyClosed(meetingId);
        }
    }

    private void requireNotCancelled() {
        if (state == State.CANCELLED) {
            throw new MeetingAlreadyCancelled(meetingId);
        }
    }

    private void requireNumberFree(String number, String agendaItemId) {
        if (number == null) {
            return;
        }
        boolean taken = agenda.values().stream()
                .anyMatch(entry ->
                        number.equals(entry.number()) && !entry.agendaItemId().equals(agendaItemId));
        if (taken) {
            throw new AgendaNumberTaken(meetingId, number);
        }
    }

    private static long version() {
        return AggregateLifecycle.getVersion();
    }

    /**
     * Every event of a meeting, in one exhaustive {@code switch} over the sealed {@link MeetingEvent}: an event type
     * added to it without a case here does not compile.
     */
    @EventSourcingHandler
    void on(MeetingEvent event) {
        switch (event) {
            case MeetingScheduled e -> {
                meetingId = e.meetingId();
                committee = e.committee();
                state = State.SCHEDULED;
            }
            case MeetingCancelled e -> state = State.CANCELLED;
            case MeetingAgendaItemAdded e ->
                agenda.put(e.agendaItemId(), new AgendaEntry(e.agendaItemId(), e.number(), e.section()));
            case MeetingAgendaItemRemoved e -> agenda.remove(e.agendaItemId());
            case MeetingAgendaItemRenumbered e ->
                agenda.put(e.agendaItemId(), new AgendaEntry(e.agendaItemId(), e.number(), e.section()));
            case MeetingAgendaReordered e -> {
                Map<String, AgendaEntry> reordered = new LinkedHashMap<>();
                e.agendaItemIds().forEach(id -> reordered.put(id, agenda.get(id)));
                agenda.clear();
                agenda.putAll(reordered);
            }
            case MeetingAgendaPublished e -> agendaPublished = true;
            case MeetingOpened e -> state = State.OPEN;
            case MeetingClosed e -> state = State.CLOSED;
            case MeetingNextAgendaPromised e -> promise = e;
            case MeetingUndertakingReviewed e -> undertakings.put(undertakingKey(e.agendaItemId(), e.quote()), e);
            case MeetingMinutesApproved e -> minutesApproved = true;
            // the time and place change nothing the meeting's rules look at
            case MeetingRescheduled e -> {}
        }
    }
}
