package dk.sagsspor.events.agendaitem;

import dk.sagsspor.events.SagssporEvent;

/** Facts about one agenda item, in the order they happened to it. */
public sealed interface AgendaItemEvent extends SagssporEvent
        permits AgendaItemProposed,
                AgendaItemRevised,
                AgendaItemScheduled,
                AgendaItemUnscheduled,
                AgendaItemDiscussed,
                AgendaItemDecided,
                AgendaItemDecisionCorrected,
                AgendaItemDeferred,
                AgendaItemWithdrawn,
                FollowUpAssigned,
                FollowUpDueDateChanged,
                FollowUpReassigned,
                FollowUpCompleted,
                FollowUpCancelled {

    String agendaItemId();

    @Override
    default String aggregateId() {
        return agendaItemId();
    }
}
