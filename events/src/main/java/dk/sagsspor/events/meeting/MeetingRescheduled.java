package dk.sagsspor.events.meeting;

import java.time.Instant;

/** The meeting was moved (time or place). */
public record MeetingRescheduled(String meetingId, Instant start, Instant end, String location, String reason)
        implements MeetingEvent {}
