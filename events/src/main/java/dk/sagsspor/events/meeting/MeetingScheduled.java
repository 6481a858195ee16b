package dk.sagsspor.events.meeting;

import java.time.Instant;

/**
 * A meeting of a committee was scheduled; times are instants; the API shows them in Europe/Copenhagen.
 *
 * @param meetingId the meeting's identifier
 * @param committee the committee, e.g. "KKR Nordjylland"
 * @param start when it begins; for a meeting known by its day only, the start of that day in Europe/Copenhagen
 * @param end when it ends, if known; null for a meeting known by its day only
 * @param location where; null for a meeting imported from minutes that do not state one
 * @param dayOnly the day is known but not the time (minutes that give no time of day): calendars show it as a whole
 *     day, and no hour is invented. New in version 2: version 1 events are upcast with {@code false}
 */
public record MeetingScheduled(
        String meetingId, String committee, Instant start, Instant end, String location, boolean dayOnly)
        implements MeetingEvent {

    /** Version 2 added {@code dayOnly}. */
    public static final int VERSION = 2;

    /** A meeting with a time of day. */
    public MeetingScheduled(String meetingId, String committee, Instant start, Instant end, String location) {
        this(meetingId, committee, start, end, location, false);
    }
}
