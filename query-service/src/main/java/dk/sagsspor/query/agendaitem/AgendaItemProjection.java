package dk.sagsspor.query.agendaitem;

import dk.sagsspor.events.EventEnvelope;
import dk.sagsspor.events.agendaitem.AgendaItemDecided;
import dk.sagsspor.events.agendaitem.AgendaItemDecisionCorrected;
import dk.sagsspor.events.agendaitem.AgendaItemDeferred;
import dk.sagsspor.events.agendaitem.AgendaItemDiscussed;
import dk.sagsspor.events.agendaitem.AgendaItemEvent;
import dk.sagsspor.events.agendaitem.AgendaItemProposed;
import dk.sagsspor.events.agendaitem.AgendaItemRevised;
import dk.sagsspor.events.agendaitem.AgendaItemScheduled;
import dk.sagsspor.events.agendaitem.AgendaItemUnscheduled;
import dk.sagsspor.events.agendaitem.AgendaItemWithdrawn;
import dk.sagsspor.events.agendaitem.FollowUpAssigned;
import dk.sagsspor.events.agendaitem.FollowUpCancelled;
import dk.sagsspor.events.agendaitem.FollowUpCompleted;
import dk.sagsspor.events.agendaitem.FollowUpDueDateChanged;
import dk.sagsspor.events.agendaitem.FollowUpReassigned;
import dk.sagsspor.query.projection.DecodedEvent;
import dk.sagsspor.query.projection.Projection;
import java.util.List;
import org.springframework.stereotype.Component;

/** Keeps {@link AgendaItems} up to date; its tables can be rebuilt and swapped alone. */
@Component
class AgendaItemProjection implements Projection<AgendaItemEvent> {

    static final String NAME = "agenda-items";

    private final AgendaItems items;
    private final AgendaItemBatch batch;

    AgendaItemProjection(AgendaItems items, AgendaItemBatch batch) {
        this.items = items;
        this.batch = batch;
    }

    /** A poll's events in a few statements ({@link AgendaItemBatch}); {@link #apply(DecodedEvent)} one at a time. */
    @Override
    public void apply(List<DecodedEvent<AgendaItemEvent>> events) {
        batch.apply(events);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<AgendaItemEvent> eventType() {
        return AgendaItemEvent.class;
    }

    /** {@link AgendaItemBatch} ends the items' open versions by this. */
    @Override
    public List<String> writeIndexes() {
        return List.of("agenda_item_history_open");
    }

    @Override
    public List<String> tables() {
        return List.of(
                "agenda_item_at_meeting",
                AgendaItems.TABLE + "_history",
                AgendaItems.TABLE,
                AgendaItems.TABLE + "_count");
    }

    @Override
    public void apply(DecodedEvent<AgendaItemEvent> decoded) {
        EventEnvelope envelope = decoded.envelope();
        AgendaItemEvent event = decoded.event();
        switch (event) {
            case AgendaItemProposed proposed -> items.proposed(proposed, envelope);
            case AgendaItemRevised revised -> items.revised(revised, envelope);
            case AgendaItemScheduled scheduled -> {
                items.scheduled(scheduled.meetingId(), envelope);
                items.atMeeting(scheduled.meetingId(), "SCHEDULED", null, envelope);
            }
            case AgendaItemUnscheduled unscheduled -> {
                items.unscheduled(envelope);
                items.atMeeting(unscheduled.meetingId(), "UNSCHEDULED", null, envelope);
            }
            case AgendaItemDecided decided -> {
                items.decided(decided.outcome(), decided.text(), envelope);
                items.atMeeting(decided.meetingId(), "DECIDED", decided.outcome(), envelope);
            }
            case AgendaItemDecisionCorrected corrected -> {
                items.decided(corrected.outcome(), corrected.text(), envelope);
                items.atMeeting(corrected.meetingId(), "DECIDED", corrected.outcome(), envelope);
            }
            case AgendaItemDeferred deferred -> {
                items.deferred(deferred.meetingCancelled(), envelope);
                items.atMeeting(deferred.fromMeetingId(), "DEFERRED", null, envelope);
            }
            case AgendaItemWithdrawn withdrawn -> {
                items.withdrawn(envelope);
                if (withdrawn.meetingId() != null) {
                    items.atMeeting(withdrawn.meetingId(), "WITHDRAWN", null, envelope);
                }
            }
            case AgendaItemDiscussed discussed -> {
                items.touched(envelope);
                items.atMeeting(discussed.meetingId(), "DISCUSSED", null, envelope);
            }
            // follow-ups have their own read model; here the item counts its open ones (whether it is outstanding)
            case FollowUpAssigned e -> items.followUps(1, envelope);
            case FollowUpDueDateChanged e -> items.touched(envelope);
            case FollowUpReassigned e -> items.touched(envelope);
            case FollowUpCompleted e -> items.followUps(-1, envelope);
            case FollowUpCancelled e -> items.followUps(-1, envelope);
        }
    }
}
