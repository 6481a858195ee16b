package dk.sagsspor.events.meeting;

import dk.sagsspor.events.SagssporEvent;

/** Facts about one meeting of a committee and its agenda, in the order they happened. */
public sealed interface MeetingEvent extends SagssporEvent
        permits MeetingScheduled,
                MeetingRescheduled,
                MeetingCancelled,
                MeetingAgendaItemAdded,
                MeetingAgendaItemRemoved,
                MeetingAgendaItemRenumbered,
                MeetingAgendaReordered,
                MeetingAgendaPublished,
                MeetingOpened,
                MeetingClosed,
                MeetingMinutesApproved,
                MeetingNextAgendaPromised,
                MeetingUndertakingReviewed {

    String meetingId();

    @Override
    default String aggregateId() {
        return meetingId();
    }
}
