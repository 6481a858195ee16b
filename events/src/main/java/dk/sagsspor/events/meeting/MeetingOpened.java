package dk.sagsspor.events.meeting;

/** The meeting started. */
public record MeetingOpened(String meetingId) implements MeetingEvent {}
