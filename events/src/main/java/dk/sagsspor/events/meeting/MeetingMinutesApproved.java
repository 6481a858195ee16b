package dk.sagsspor.events.meeting;

import java.util.List;

/** The minutes were approved, with the corrections made at approval. */
public record MeetingMinutesApproved(String meetingId, List<String> corrections) implements MeetingEvent {}
