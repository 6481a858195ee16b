package dk.sagsspor.query.timeline;

import dk.sagsspor.events.SagssporEvent;
import dk.sagsspor.events.agendaitem.AgendaItemDecided;
import dk.sagsspor.events.agendaitem.AgendaItemDecisionCorrected;
import dk.sagsspor.events.agendaitem.AgendaItemDeferred;
import dk.sagsspor.events.agendaitem.AgendaItemDiscussed;
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
import dk.sagsspor.events.meeting.MeetingMinutesApproved;
import dk.sagsspor.events.meeting.MeetingNextAgendaPromised;
import dk.sagsspor.events.meeting.MeetingOpened;
import dk.sagsspor.events.meeting.MeetingRescheduled;
import dk.sagsspor.events.meeting.MeetingScheduled;
import dk.sagsspor.events.staff.StaffMemberChanged;
import dk.sagsspor.events.staff.StaffMemberRegistered;

/** One line a person can read for every event: what an auditor sees in a timeline. */
final class Summaries {

    private Summaries() {}

    static String of(SagssporEvent event) {
        if (event instanceof AgendaItemProposed e) {
            return "Proposed to " + e.committee() + ": " + e.title()
                    + (e.caseNumber() == null ? "" : " (" + e.caseNumber() + ")");
        }
        if (event instanceof AgendaItemRevised e) {
            return "Revised: " + String.join(", ", e.changedParts());
        }
        if (event instanceof AgendaItemScheduled e) {
            return "Scheduled on meeting " + e.meetingId();
        }
        if (event instanceof AgendaItemUnscheduled e) {
            return "Taken off meeting " + e.meetingId();
        }
        if (event instanceof AgendaItemDiscussed e) {
            return "Discussed: " + e.notes();
        }
        if (event instanceof AgendaItemDecided e) {
            return "Decided: " + e.outcome().danish() + " — " + e.text();
        }
        if (event instanceof AgendaItemDecisionCorrected e) {
            return "Decision corrected to " + e.outcome().danish() + " — " + e.text() + " (reason: " + e.reason() + ")";
        }
        if (event instanceof AgendaItemDeferred e) {
            return (e.automatic() ? "Carried over" : "Deferred") + " from meeting " + e.fromMeetingId()
                    + (e.toMeetingId() == null ? " to the next meeting" : " to meeting " + e.toMeetingId())
                    + ": " + e.reason();
        }
        if (event instanceof AgendaItemWithdrawn e) {
            return "Withdrawn: " + e.reason();
        }
        if (event instanceof FollowUpAssigned e) {
            return "Follow-up for " + e.assignee() + ", due " + e.dueDate() + ": " + e.description();
        }
        if (event instanceof FollowUpDueDateChanged e) {
            return "Follow-up due date moved to " + e.dueDate() + ": " + e.reason();
        }
        if (event instanceof FollowUpReassigned e) {
            return "Follow-up handed to " + e.assignee();
        }
        if (event instanceof FollowUpCompleted e) {
            return "Follow-up completed: " + e.note();
        }
        if (event instanceof FollowUpCancelled e) {
            return "Follow-up cancelled: " + e.reason();
        }
        if (event instanceof StaffMemberRegistered e) {
            return "Entered in the staff directory: " + e.name();
        }
        if (event instanceof StaffMemberChanged e) {
            return "Staff directory entry changed: " + e.name();
        }
        if (event instanceof MeetingScheduled e) {
            return "Meeting of " + e.committee() + " scheduled at " + e.location();
        }
        if (event instanceof MeetingRescheduled e) {
            return "Meeting moved to " + e.location() + (e.reason() == null ? "" : ": " + e.reason());
        }
        if (event instanceof MeetingCancelled e) {
            return "Meeting cancelled: " + e.reason();
        }
        if (event instanceof MeetingAgendaItemAdded e) {
            return (e.amendment() ? "Added to the published agenda" : "Put on the agenda")
                    + (e.number() == null ? "" : " as " + e.number())
                    + (e.section() == null ? "" : " under " + e.section());
        }
        if (event instanceof MeetingAgendaItemRemoved e) {
            return e.amendment() ? "Removed from the published agenda" : "Taken off the agenda";
        }
        if (event instanceof MeetingAgendaItemRenumbered e) {
            return "Renumbered" + (e.number() == null ? "" : " as " + e.number())
                    + (e.section() == null ? "" : " under " + e.section());
        }
        if (event instanceof MeetingAgendaReordered) {
            return "Agenda reordered";
        }
        if (event instanceof MeetingAgendaPublished e) {
            return agendaPublished(e.agenda().size());
        }
        if (event instanceof MeetingOpened) {
            return "Meeting opened";
        }
        if (event instanceof MeetingClosed) {
            return "Meeting closed";
        }
        if (event instanceof MeetingMinutesApproved e) {
            return "Minutes approved"
                    + (e.corrections().isEmpty()
                            ? ""
                            : " with " + e.corrections().size() + " correction(s)");
        }
        if (event instanceof MeetingNextAgendaPromised e) {
            return "Promised for the next meeting"
                    + (e.nextMeetingDate() == null ? "" : " on " + e.nextMeetingDate())
                    + ": " + String.join("; ", e.expectedItems());
        }
        return event.getClass().getSimpleName();
    }

    /** The summary of an agenda's publication with the number of items the reader may see on it. */
    static String agendaPublished(long items) {
        return "Agenda published with " + items + " item(s)";
    }
}
