package dk.sagsspor.query.timeline;

import dk.sagsspor.events.SagssporEvent;
import dk.sagsspor.events.agendaitem.AgendaItemDecided;
import dk.sagsspor.events.agendaitem.AgendaItemDecisionCorrected;
import dk.sagsspor.events.agendaitem.AgendaItemDeferred;
import dk.sagsspor.events.agendaitem.AgendaItemDiscussed;
import dk.sagsspor.events.agendaitem.AgendaItemEvent;
import dk.sagsspor.events.agendaitem.AgendaItemProposed;
import dk.sagsspor.events.agendaitem.AgendaItemRevised;
import dk.sagsspor.events.agendaitem.AgendaItemScheduled;
import dk.sagsspor.events.agendaitem.AgendaItemUnscheduled;
import dk.sagsspor.events.agendaitem.AgendaItemWithdrawn;
import dk.sagsspor.events.agendaitem.FollowUpAssigned;
import dk.sagsspor.events.agendaitem.FollowUpCancelled;
import dk.sagsspor.events.agendaitem.FollowUpCompleted;
import dk.sagsspor.events.agendaitem.FollowUpDueDateChanged;
import dk.sagsspor.events.agendaitem.FollowUpReassigned;
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
import dk.sagsspor.events.staff.StaffMemberChanged;
import dk.sagsspor.events.staff.StaffMemberEvent;
import dk.sagsspor.events.staff.StaffMemberRegistered;

/** One line a person can read for every event: what an auditor sees in a timeline. */
final class Summaries {

    private Summaries() {}

    static String of(SagssporEvent event) {
        return switch (event) {
            case AgendaItemEvent e -> of(e);
            case MeetingEvent e -> of(e);
            case StaffMemberEvent e -> of(e);
            // SagssporEvent itself cannot be sealed across packages; each aggregate's events above are, and exhaustive
            default -> event.getClass().getSimpleName();
        };
    }

    private static String of(AgendaItemEvent event) {
        return switch (event) {
            case AgendaItemProposed e ->
                "Proposed to " + e.committee() + ": " + e.title()
                        + (e.caseNumber() == null ? "" : " (" + e.caseNumber() + ")");
            case AgendaItemRevised e -> "Revised: " + String.join(", ", e.changedParts());
            case AgendaItemScheduled e -> "Scheduled on meeting " + e.meetingId();
            case AgendaItemUnscheduled e -> "Taken off meeting " + e.meetingId();
            case AgendaItemDiscussed e -> "Discussed: " + e.notes();
            case AgendaItemDecided e -> "Decided: " + e.outcome().danish() + " — " + e.text();
            case AgendaItemDecisionCorrected e ->
                "Decision corrected to " + e.outcome().danish() + " — " + e.text() + " (reason: " + e.reason() + ")";
            case AgendaItemDeferred e ->
                (e.meetingCancelled() ? "Moved" : e.automatic() ? "Carried over" : "Deferred") + " from meeting "
                        + e.fromMeetingId()
                        + (e.toMeetingId() == null ? " to the next meeting" : " to meeting " + e.toMeetingId())
                        + ": " + e.reason();
            case AgendaItemWithdrawn e -> "Withdrawn: " + e.reason();
            case FollowUpAssigned e ->
                "Follow-up for " + e.assignee() + ", due " + e.dueDate() + ": " + e.description();
            case FollowUpDueDateChanged e -> "Follow-up due date moved to " + e.dueDate() + ": " + e.reason();
            case FollowUpReassigned e -> "Follow-up handed to " + e.assignee();
            case FollowUpCompleted e -> "Follow-up completed: " + e.note();
            case FollowUpCancelled e -> "Follow-up cancelled: " + e.reason();
        };
    }

    private static String of(MeetingEvent event) {
        return switch (event) {
            case MeetingScheduled e ->
                "Meeting of " + e.committee() + " scheduled" + (e.location() == null ? "" : " at " + e.location());
            case MeetingRescheduled e ->
                "Meeting moved to " + e.location() + (e.reason() == null ? "" : ": " + e.reason());
            case MeetingCancelled e -> "Meeting cancelled: " + e.reason();
            case MeetingAgendaItemAdded e ->
                (e.amendment() ? "Added to the published agenda" : "Put on the agenda")
                        + (e.number() == null ? "" : " as " + e.number())
                        + (e.section() == null ? "" : " under " + e.section());
            case MeetingAgendaItemRemoved e ->
                e.amendment() ? "Removed from the published agenda" : "Taken off the agenda";
            case MeetingAgendaItemRenumbered e ->
                "Renumbered" + (e.number() == null ? "" : " as " + e.number())
                        + (e.section() == null ? "" : " under " + e.section());
            case MeetingAgendaReordered e -> "Agenda reordered";
            case MeetingAgendaPublished e -> agendaPublished(e.agenda().size());
            case MeetingOpened e -> "Meeting opened";
            case MeetingClosed e -> "Meeting closed";
            case MeetingMinutesApproved e ->
                "Minutes approved"
                        + (e.corrections().isEmpty()
                                ? ""
                                : " with " + e.corrections().size()
                                        + (e.corrections().size() == 1 ? " correction: " : " corrections: ")
                                        + String.join("; ", e.corrections()));
            case MeetingNextAgendaPromised e ->
                "Promised for the next meeting"
                        + (e.nextMeetingDate() == null ? "" : " on " + e.nextMeetingDate())
                        + ": " + String.join("; ", e.expectedItems());
            case MeetingUndertakingReviewed e ->
                e.accepted()
                        ? "Undertaking accepted as a promise for the next meeting: " + e.title() + " (\"" + e.quote()
                                + "\")"
                        : "Undertaking dismissed: \"" + e.quote() + "\"";
        };
    }

    private static String of(StaffMemberEvent event) {
        return switch (event) {
            case StaffMemberRegistered e -> "Entered in the staff directory: " + e.name();
            case StaffMemberChanged e -> "Staff directory entry changed: " + e.name();
        };
    }

    /** The summary of an agenda's publication with the number of items the reader may see on it. */
    static String agendaPublished(long items) {
        return "Agenda published with " + items + " item(s)";
    }
}
