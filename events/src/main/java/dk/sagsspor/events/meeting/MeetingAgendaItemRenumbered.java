package dk.sagsspor.events.meeting;

/** An item on the agenda got another number or section. */
public record MeetingAgendaItemRenumbered(
        String meetingId, String agendaItemId, String number, String section, boolean amendment)
        implements MeetingEvent {}
