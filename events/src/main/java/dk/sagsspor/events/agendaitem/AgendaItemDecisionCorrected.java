package dk.sagsspor.events.agendaitem;

/** A recorded decision was corrected; the original stays in the history. */
public record AgendaItemDecisionCorrected(
        String agendaItemId, String meetingId, DecisionOutcome outcome, String text, String reason)
        implements AgendaItemEvent {}
