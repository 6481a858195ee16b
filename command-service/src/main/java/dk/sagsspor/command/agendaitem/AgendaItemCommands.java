package dk.sagsspor.command.agendaitem;

import dk.sagsspor.command.NewForCommittee;
import dk.sagsspor.command.VersionedCommand;
import dk.sagsspor.events.agendaitem.DecisionOutcome;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The commands on an agenda item. Every command on an existing item may name the version it expects (from the
 * client's {@code If-Match}); it is refused (412) when the item has moved on.
 */
public final class AgendaItemCommands {

    private AgendaItemCommands() {}

    public record ProposeAgendaItem(
            @TargetAggregateIdentifier String agendaItemId,
            String committee,
            String title,
            String caseNumber,
            List<String> caseOfficers,
            String background,
            String recommendation,
            String presentation,
            List<String> attachments,
            boolean closedItem)
            implements NewForCommittee {}

    /**
     * New values for the editable parts named in {@code parts} (a JSON merge patch: a named part set to null is
     * cleared); other parts stay as they are, and parts equal to the current ones are not recorded as changed.
     */
    public record ReviseAgendaItem(
            @TargetAggregateIdentifier String agendaItemId,
            Long expectedVersion,
            java.util.Set<String> parts,
            String title,
            String caseNumber,
            List<String> caseOfficers,
            String background,
            String recommendation,
            String presentation,
            List<String> attachments)
            implements VersionedCommand {}

    /** A command whose rules involve the item's meeting; handled by {@code AgendaItemLifecycle}. */
    public sealed interface ItemLifecycleCommand extends VersionedCommand
            permits ScheduleAgendaItem, UnscheduleAgendaItem, DiscussAgendaItem, DecideAgendaItem, DeferAgendaItem {
        String agendaItemId();
    }

    public record ScheduleAgendaItem(
            @TargetAggregateIdentifier String agendaItemId,
            Long expectedVersion,
            String meetingId,
            String number,
            String section)
            implements ItemLifecycleCommand {}

    public record UnscheduleAgendaItem(
            @TargetAggregateIdentifier String agendaItemId, Long expectedVersion) implements ItemLifecycleCommand {}

    public record DiscussAgendaItem(
            @TargetAggregateIdentifier String agendaItemId, Long expectedVersion, String notes)
            implements ItemLifecycleCommand {}

    public record DecideAgendaItem(
            @TargetAggregateIdentifier String agendaItemId, Long expectedVersion, DecisionOutcome outcome, String text)
            implements ItemLifecycleCommand {}

    /** Defer to the next meeting of the committee ({@code toMeetingId} null) or to a named meeting. */
    public record DeferAgendaItem(
            @TargetAggregateIdentifier String agendaItemId, Long expectedVersion, String reason, String toMeetingId)
            implements ItemLifecycleCommand {}

    public record CorrectDecision(
            @TargetAggregateIdentifier String agendaItemId,
            Long expectedVersion,
            DecisionOutcome outcome,
            String text,
            String reason)
            implements VersionedCommand {}

    public record WithdrawAgendaItem(
            @TargetAggregateIdentifier String agendaItemId, Long expectedVersion, String reason)
            implements VersionedCommand {}

    /**
     * Sent by the carry-over process when the item's meeting closed or was cancelled: defers the item if it is still
     * on that meeting undecided (a standing item, which every meeting has of its own, is withdrawn instead), and does
     * nothing otherwise.
     */
    public record CarryOverAgendaItem(
            @TargetAggregateIdentifier String agendaItemId,
            String fromMeetingId,
            String reason,
            boolean meetingCancelled) {}

    /** Follow-ups of a decided item: assigned to a staff member of the directory, with a due date. */
    public record AssignFollowUp(
            @TargetAggregateIdentifier String agendaItemId,
            Long expectedVersion,
            String followUpId,
            String description,
            java.time.LocalDate dueDate,
            String assignee,
            String source)
            implements VersionedCommand {}

    public record ReassignFollowUp(
            @TargetAggregateIdentifier String agendaItemId, Long expectedVersion, String followUpId, String assignee)
            implements VersionedCommand {}

    public record ChangeFollowUpDueDate(
            @TargetAggregateIdentifier String agendaItemId,
            Long expectedVersion,
            String followUpId,
            java.time.LocalDate dueDate,
            String reason)
            implements VersionedCommand {}

    public record CompleteFollowUp(
            @TargetAggregateIdentifier String agendaItemId, Long expectedVersion, String followUpId, String note)
            implements VersionedCommand {}

    public record CancelFollowUp(
            @TargetAggregateIdentifier String agendaItemId, Long expectedVersion, String followUpId, String reason)
            implements VersionedCommand {}
}
