package dk.sagsspor.events.meeting;

import java.util.List;

/** The meeting will not take place; the items on its agenda then are listed, and are carried over. */
public record MeetingCancelled(String meetingId, String reason, List<String> agendaItemIds) implements MeetingEvent {}
