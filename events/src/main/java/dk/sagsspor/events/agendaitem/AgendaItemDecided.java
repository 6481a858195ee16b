package dk.sagsspor.events.agendaitem;

/** The committee decided the item. */
public record AgendaItemDecided(String agendaItemId, String meetingId, DecisionOutcome outcome, String text)
        implements AgendaItemEvent {}
