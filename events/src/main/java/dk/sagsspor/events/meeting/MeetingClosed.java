package dk.sagsspor.events.meeting;

import java.util.List;

/** The meeting ended; the items on its agenda then are listed, and those not decided are carried over. */
public record MeetingClosed(String meetingId, List<String> agendaItemIds) implements MeetingEvent {}
