package dk.sagsspor.events.meeting;

/** An item was taken off the agenda; {@code amendment} when the agenda was already published. */
public record MeetingAgendaItemRemoved(String meetingId, String agendaItemId, boolean amendment)
        implements MeetingEvent {}
