package dk.sagsspor.events.meeting;

import java.time.Instant;

/**
 * A meeting of a committee was scheduled; times are instants; the API shows them in Europe/Copenhagen. The location is
 * null for a meeting imported from minutes that do not state one.
 */
public record MeetingScheduled(String meetingId, String committee, Instant start, Instant end, String location)
        implements MeetingEvent {}
