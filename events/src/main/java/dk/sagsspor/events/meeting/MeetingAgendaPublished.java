package dk.sagsspor.events.meeting;

import java.util.List;

/** The agenda was sent out; it is recorded as it stood, so it can be compared with the agenda at the meeting. */
public record MeetingAgendaPublished(String meetingId, List<AgendaEntry> agenda) implements MeetingEvent {}
