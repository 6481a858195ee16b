package dk.sagsspor.events.meeting;

/** An item was put on the agenda under a number and section; {@code amendment} when the agenda was already published. */
public record MeetingAgendaItemAdded(
        String meetingId, String agendaItemId, String number, String section, boolean amendment)
        implements MeetingEvent {}
