package dk.sagsspor.events.meeting;

import java.time.LocalDate;
import java.util.List;

/**
 * The meeting promised what the committee's next meeting will deal with ("Punkter til næste møde": "Følgende sager
 * forventes behandlet på mødet"). A later promise of the same meeting replaces this one.
 *
 * @param nextMeetingDate the day the minutes give for the next meeting; null when they give none
 * @param expectedItems the titles of the items expected there, as the minutes word them
 */
public record MeetingNextAgendaPromised(String meetingId, LocalDate nextMeetingDate, List<String> expectedItems)
        implements MeetingEvent {}
