package dk.sagsspor.events.meeting;

/**
 * A secretary reviewed an undertaking found in a decision of the meeting ("En opdatering … ønskes på næste møde"):
 * accepted it as a promise for the committee's next meeting, under a title the next agenda is checked against, or
 * dismissed it. A later review of the same undertaking replaces this one.
 *
 * @param agendaItemId the item whose decision holds it
 * @param quote the sentence of the decision, as found
 * @param accepted whether it is a promise for the next meeting
 * @param title the item expected at the next meeting, when accepted; null when dismissed
 */
public record MeetingUndertakingReviewed(
        String meetingId, String agendaItemId, String quote, boolean accepted, String title) implements MeetingEvent {}
