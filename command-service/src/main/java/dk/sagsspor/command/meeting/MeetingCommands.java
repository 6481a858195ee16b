package dk.sagsspor.command.meeting;

import dk.sagsspor.command.NewForCommittee;
import dk.sagsspor.command.VersionedCommand;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The commands on a meeting. Every command on an existing meeting may name the version it expects (from the client's
 * {@code If-Match}); Axon refuses it when the meeting has moved on.
 */
public final class MeetingCommands {

    private MeetingCommands() {}

    /** {@code dayOnly}: only the day is known ({@code start} is its beginning, {@code end} null), not the time. */
    public record ScheduleMeeting(
            @TargetAggregateIdentifier String meetingId,
            String committee,
            Instant start,
            Instant end,
            String location,
            boolean dayOnly)
            implements NewForCommittee {}

    public record RescheduleMeeting(
            @TargetAggregateIdentifier String meetingId,
            Long expectedVersion,
            Instant start,
            Instant end,
            String location,
            String reason)
            implements VersionedCommand {}

    public record CancelMeeting(@TargetAggregateIdentifier String meetingId, Long expectedVersion, String reason)
            implements VersionedCommand {}

    public record PublishAgenda(@TargetAggregateIdentifier String meetingId, Long expectedVersion)
            implements VersionedCommand {}

    public record OpenMeeting(@TargetAggregateIdentifier String meetingId, Long expectedVersion)
            implements VersionedCommand {}

    public record CloseMeeting(@TargetAggregateIdentifier String meetingId, Long expectedVersion)
            implements VersionedCommand {}

    public record ApproveMinutes(
            @TargetAggregateIdentifier String meetingId, Long expectedVersion, List<String> corrections)
            implements VersionedCommand {}

    /** A partial change of an agenda line: only the {@code parts} named ("number", "section") change; null clears. */
    public record RenumberAgendaItem(
            @TargetAggregateIdentifier String meetingId,
            Long expectedVersion,
            String agendaItemId,
            java.util.Set<String> parts,
            String number,
            String section)
            implements VersionedCommand {}

    public record ReorderAgenda(
            @TargetAggregateIdentifier String meetingId, Long expectedVersion, List<String> agendaItemIds)
            implements VersionedCommand {}

    /** Records what the minutes promise for the committee's next meeting; replaces an earlier promise. */
    public record PromiseNextAgenda(
            @TargetAggregateIdentifier String meetingId,
            Long expectedVersion,
            java.time.LocalDate nextMeetingDate,
            List<String> expectedItems)
            implements VersionedCommand {}

    /** Accepts an undertaking found in a decision of the meeting as a promise for the next meeting, or dismisses it. */
    public record ReviewUndertaking(
            @TargetAggregateIdentifier String meetingId,
            Long expectedVersion,
            String agendaItemId,
            String quote,
            boolean accepted,
            String title)
            implements VersionedCommand {}
}
