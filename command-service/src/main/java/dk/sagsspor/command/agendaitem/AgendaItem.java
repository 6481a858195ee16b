package dk.sagsspor.command.agendaitem;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dk.sagsspor.command.VersionedCommand;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.CancelFollowUp;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.CarryOverAgendaItem;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.ChangeFollowUpDueDate;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.CompleteFollowUp;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.CorrectDecision;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.ProposeAgendaItem;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.ReviseAgendaItem;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.WithdrawAgendaItem;
import dk.sagsspor.command.eventstore.AggregateCaching;
import dk.sagsspor.events.agendaitem.AgendaItemDecided;
import dk.sagsspor.events.agendaitem.AgendaItemDecisionCorrected;
import dk.sagsspor.events.agendaitem.AgendaItemDeferred;
import dk.sagsspor.events.agendaitem.AgendaItemDiscussed;
import dk.sagsspor.events.agendaitem.AgendaItemEvent;
import dk.sagsspor.events.agendaitem.AgendaItemParts;
import dk.sagsspor.events.agendaitem.AgendaItemProposed;
import dk.sagsspor.events.agendaitem.AgendaItemRevised;
import dk.sagsspor.events.agendaitem.AgendaItemScheduled;
import dk.sagsspor.events.agendaitem.AgendaItemUnscheduled;
import dk.sagsspor.events.agendaitem.AgendaItemWithdrawn;
import dk.sagsspor.events.agendaitem.DecisionOutcome;
import dk.sagsspor.events.agendaitem.FollowUpAssigned;
import dk.sagsspor.events.agendaitem.FollowUpCancelled;
import dk.sagsspor.events.agendaitem.FollowUpCompleted;
import dk.sagsspor.events.agendaitem.FollowUpDueDateChanged;
import dk.sagsspor.events.agendaitem.FollowUpReassigned;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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
 * One agenda item's life: proposed → scheduled on a meeting → (discussed) → decided, or deferred (off its meeting,
 * waiting for the next one) → scheduled again, or withdrawn. Its parts can be edited until it is decided; a decision
 * is corrected, never replaced. State changes only in the event sourcing handlers.
 */
// state fields are the snapshot's content (Jackson, fields only); change them → raise the revision
@Aggregate(cache = AggregateCaching.NAME, snapshotTriggerDefinition = AggregateCaching.SNAPSHOTS)
@Revision("1")
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class AgendaItem {

    /** Where an item is in its life. */
    public enum Status {
        PROPOSED,
        SCHEDULED,
        DEFERRED,
        DECIDED,
        WITHDRAWN
    }

    @AggregateIdentifier
    private String agendaItemId;

    private String committee;
    private Status status;
    private String meetingId;
    private Parts parts;
    private final Map<String, FollowUp> followUps = new HashMap<>();

    /** What the rules need of a follow-up: who has it, when it is due, whether it is still open. */
    private record FollowUp(String assignee, LocalDate dueDate, boolean open) {}

    private record Parts(
            String title,
            String caseNumber,
            List<String> caseOfficers,
            String background,
            String recommendation,
            String presentation,
            List<String> attachments) {

        static Parts of(AgendaItemParts stated) {
            return new Parts(
                    stated.title(),
                    stated.caseNumber(),
                    stated.caseOfficers(),
                    stated.background(),
                    stated.recommendation(),
                    stated.presentation(),
                    stated.attachments());
        }
    }

    AgendaItem() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    AgendaItem(ProposeAgendaItem command) {
        apply(new AgendaItemProposed(
                command.agendaItemId(),
                command.committee(),
                command.title(),
                command.caseNumber(),
                listOrEmpty(command.caseOfficers()),
                command.background(),
                command.recommendation(),
                command.presentation(),
                listOrEmpty(command.attachments()),
                command.closedItem()));
    }

    /** Before any command on an existing aggregate: the client's If-Match, if any, must name the current version. */
    @CommandHandlerInterceptor
    void requireExpectedVersion(VersionedCommand command) {
        VersionedCommand.requireVersion(command, version());
    }

    @CommandHandler
    long handle(ReviseAgendaItem command) {
        requireStillOpen();
        java.util.Set<String> named = command.parts();
        Parts revised = new Parts(
                named.contains("title") ? command.title() : parts.title(),
                named.contains("caseNumber") ? command.caseNumber() : parts.caseNumber(),
                named.contains("caseOfficers") ? listOrEmpty(command.caseOfficers()) : parts.caseOfficers(),
                named.contains("background") ? command.background() : parts.background(),
                named.contains("recommendation") ? command.recommendation() : parts.recommendation(),
                named.contains("presentation") ? command.presentation() : parts.presentation(),
                named.contains("attachments") ? listOrEmpty(command.attachments()) : parts.attachments());
        List<String> changed = new ArrayList<>();
        compare("title", parts.title(), revised.title(), changed);
        compare("caseNumber", parts.caseNumber(), revised.caseNumber(), changed);
        compare("caseOfficers", parts.caseOfficers(), revised.caseOfficers(), changed);
        compare("background", parts.background(), revised.background(), changed);
        compare("recommendation", parts.recommendation(), revised.recommendation(), changed);
        compare("presentation", parts.presentation(), revised.presentation(), changed);
        compare("attachments", parts.attachments(), revised.attachments(), changed);
        if (!changed.isEmpty()) {
            apply(new AgendaItemRevised(
                    agendaItemId,
                    revised.title(),
                    revised.caseNumber(),
                    revised.caseOfficers(),
                    revised.background(),
                    revised.recommendation(),
                    revised.presentation(),
                    revised.attachments(),
                    List.copyOf(changed)));
        }
        return version();
    }

    @CommandHandler
    long handle(CorrectDecision command) {
        if (status != Status.DECIDED) {
            requireNotWithdrawn();
            throw new AgendaItemNotDecided(agendaItemId);
        }
        apply(new AgendaItemDecisionCorrected(
                agendaItemId, meetingId, command.outcome(), command.text(), command.reason()));
        return version();
    }

    @CommandHandler
    long handle(WithdrawAgendaItem command) {
        requireStillOpen();
        apply(new AgendaItemWithdrawn(agendaItemId, meetingId, command.reason()));
        return version();
    }

    @CommandHandler
    long handle(CarryOverAgendaItem command) {
        if (status == Status.SCHEDULED && command.fromMeetingId().equals(meetingId)) {
            if (StandingItems.isStanding(parts.title())) {
                // each meeting has its own: a standing item left undecided ends with its meeting
                apply(new AgendaItemWithdrawn(agendaItemId, meetingId, StandingItems.NOT_CARRIED_OVER));
            } else {
                apply(new AgendaItemDeferred(
                        agendaItemId, meetingId, command.reason(), null, true, command.meetingCancelled()));
            }
        }
        return version();
    }

    @CommandHandler
    long handle(ChangeFollowUpDueDate command) {
        FollowUp followUp = openFollowUp(command.followUpId());
        if (!followUp.dueDate().equals(command.dueDate())) {
            apply(new FollowUpDueDateChanged(agendaItemId, command.followUpId(), command.dueDate(), command.reason()));
        }
        return version();
    }

    @CommandHandler
    long handle(CompleteFollowUp command) {
        openFollowUp(command.followUpId());
        apply(new FollowUpCompleted(agendaItemId, command.followUpId(), command.note()));
        return version();
    }

    @CommandHandler
    long handle(CancelFollowUp command) {
        openFollowUp(command.followUpId());
        apply(new FollowUpCancelled(agendaItemId, command.followUpId(), command.reason()));
        return version();
    }

    /** Assigns a follow-up to a staff member the directory knows (checked by the caller); only a decided item has any. */
    void assignFollowUp(String followUpId, String description, LocalDate dueDate, String assignee, String source) {
        requireNotWithdrawn();
        if (status != Status.DECIDED) {
            throw new AgendaItemNotDecided(agendaItemId, "follow-ups are assigned to decided items");
        }
        apply(new FollowUpAssigned(agendaItemId, followUpId, description, dueDate, assignee, source));
    }

    /** Hands an open follow-up to another staff member the directory knows (checked by the caller). */
    void reassignFollowUp(String followUpId, String assignee) {
        if (!openFollowUp(followUpId).assignee().equals(assignee)) {
            apply(new FollowUpReassigned(agendaItemId, followUpId, assignee));
        }
    }

    private FollowUp openFollowUp(String followUpId) {
        FollowUp followUp = followUps.get(followUpId);
        if (followUp == null) {
            throw new FollowUpNotFound(agendaItemId, followUpId);
        }
        if (!followUp.open()) {
            throw new FollowUpAlreadyClosed(agendaItemId, followUpId);
        }
        return followUp;
    }

    /** Puts the item on a meeting whose committee has been checked; the meeting records it in the same unit of work. */
    void scheduleOn(String targetMeetingId) {
        requireStillOpen();
        if (status == Status.SCHEDULED) {
            throw new AgendaItemAlreadyScheduled(agendaItemId, meetingId);
        }
        apply(new AgendaItemScheduled(agendaItemId, targetMeetingId));
    }

    void unschedule() {
        requireOnAMeeting();
        apply(new AgendaItemUnscheduled(agendaItemId, meetingId));
    }

    void discuss(String notes) {
        requireOnAMeeting();
        apply(new AgendaItemDiscussed(agendaItemId, meetingId, notes));
    }

    void decide(DecisionOutcome outcome, String text) {
        requireOnAMeeting();
        apply(new AgendaItemDecided(agendaItemId, meetingId, outcome, text));
    }

    void defer(String reason, String toMeetingId) {
        requireOnAMeeting();
        apply(new AgendaItemDeferred(agendaItemId, meetingId, reason, toMeetingId, false));
    }

    String committee() {
        return committee;
    }

    /** The meeting the item is on (scheduled) or was decided at; null otherwise. */
    String meetingId() {
        return meetingId;
    }

    private void requireOnAMeeting() {
        requireStillOpen();
        if (status != Status.SCHEDULED) {
            throw new AgendaItemNotOnAMeeting(agendaItemId, status.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** Neither decided nor withdrawn. */
    private void requireStillOpen() {
        requireNotWithdrawn();
        if (status == Status.DECIDED) {
            throw new AgendaItemAlreadyDecided(agendaItemId);
        }
    }

    private void requireNotWithdrawn() {
        if (status == Status.WITHDRAWN) {
            throw new AgendaItemAlreadyWithdrawn(agendaItemId);
        }
    }

    private static void compare(String part, Object before, Object after, List<String> changed) {
        if (!Objects.equals(before, after)) {
            changed.add(part);
        }
    }

    private static List<String> listOrEmpty(List<String> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    private static long version() {
        return AggregateLifecycle.getVersion();
    }

    /**
     * Every event of an item, in one exhaustive {@code switch} over the sealed {@link AgendaItemEvent}: an event type
     * added to it without a case here does not compile.
     */
    @EventSourcingHandler
    void on(AgendaItemEvent event) {
        switch (event) {
            case AgendaItemProposed e -> {
                agendaItemId = e.agendaItemId();
                committee = e.committee();
                status = Status.PROPOSED;
                parts = Parts.of(e);
            }
            case AgendaItemRevised e -> parts = Parts.of(e);
            case AgendaItemScheduled e -> {
                status = Status.SCHEDULED;
                meetingId = e.meetingId();
            }
            case AgendaItemUnscheduled e -> {
                status = Status.PROPOSED;
                meetingId = null;
            }
            case AgendaItemDecided e -> status = Status.DECIDED;
            case AgendaItemDeferred e -> {
                status = Status.DEFERRED;
                meetingId = null;
            }
            case AgendaItemWithdrawn e -> {
                status = Status.WITHDRAWN;
                meetingId = null;
            }
            case FollowUpAssigned e -> followUps.put(e.followUpId(), new FollowUp(e.assignee(), e.dueDate(), true));
            case FollowUpDueDateChanged e ->
                followUps.computeIfPresent(
                        e.followUpId(), (id, f) -> new FollowUp(f.assignee(), e.dueDate(), f.open()));
            case FollowUpReassigned e ->
                followUps.computeIfPresent(
                        e.followUpId(), (id, f) -> new FollowUp(e.assignee(), f.dueDate(), f.open()));
            case FollowUpCompleted e ->
                followUps.computeIfPresent(e.followUpId(), (id, f) -> new FollowUp(f.assignee(), f.dueDate(), false));
            case FollowUpCancelled e ->
                followUps.computeIfPresent(e.followUpId(), (id, f) -> new FollowUp(f.assignee(), f.dueDate(), false));
            // facts that change nothing the item's rules look at
            case AgendaItemDiscussed e -> {}
            case AgendaItemDecisionCorrected e -> {}
        }
    }
}
