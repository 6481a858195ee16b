package dk.sagsspor.events.meeting;

import java.util.List;

/** The agenda was put in a new order (every item on it, in the new order). */
public record MeetingAgendaReordered(String meetingId, List<String> agendaItemIds, boolean amendment)
        implements MeetingEvent {}
