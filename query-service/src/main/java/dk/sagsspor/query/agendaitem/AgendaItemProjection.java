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
import dk.sagsspor.query.projection.DecodedEvent;
import dk.sagsspor.query.projection.Projection;
import java.util.List;
import org.springframework.stereotype.Component;

/** Keeps {@link AgendaItems} up to date. Its own consumer group, so it can be rebuilt alone. */
@Component
class AgendaItemProjection implements Projection<AgendaItemEvent> {

    static final String NAME = "agenda-items";

    private final AgendaItems items;

    AgendaItemProjection(AgendaItems items) {
        this.items = items;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<AgendaItemEvent> eventType() {
        return AgendaItemEvent.class;
    }

    @Override
    public List<String> tables() {
        return List.of("agenda_item_at_meeting", AgendaItems.TABLE + "_history", AgendaItems.TABLE);
    }

    @Override
    public void apply(DecodedEvent<AgendaItemEvent> decoded) {
        EventEnvelope envelope = decoded.envelope();
        AgendaItemEvent event = decoded.event();
        if (event instanceof AgendaItemProposed proposed) {
            items.proposed(proposed, envelope);
        } else if (event instanceof AgendaItemRevised revised) {
            items.revised(revised, envelope);
        } else if (event instanceof AgendaItemScheduled scheduled) {
            items.scheduled(scheduled.meetingId(), envelope);
            items.atMeeting(scheduled.meetingId(), "SCHEDULED", null, envelope);
        } else if (event instanceof AgendaItemUnscheduled unscheduled) {
            items.unscheduled(envelope);
            items.atMeeting(unscheduled.meetingId(), "UNSCHEDULED", null, envelope);
        } else if (event instanceof AgendaItemDecided decided) {
            items.decided(decided.outcome(), decided.text(), envelope);
            items.atMeeting(decided.meetingId(), "DECIDED", decided.outcome(), envelope);
        } else if (event instanceof AgendaItemDecisionCorrected corrected) {
            items.decided(corrected.outcome(), corrected.text(), envelope);
            items.atMeeting(corrected.meetingId(), "DECIDED", corrected.outcome(), envelope);
        } else if (event instanceof AgendaItemDeferred deferred) {
            items.deferred(envelope);
            items.atMeeting(deferred.fromMeetingId(), "DEFERRED", null, envelope);
        } else if (event instanceof AgendaItemWithdrawn withdrawn) {
            items.withdrawn(envelope);
            if (withdrawn.meetingId() != null) {
                items.atMeeting(withdrawn.meetingId(), "WITHDRAWN", null, envelope);
            }
        } else if (event instanceof AgendaItemDiscussed discussed) {
            items.touched(envelope);
            items.atMeeting(discussed.meetingId(), "DISCUSSED", null, envelope);
        } else {
            items.touched(envelope);
        }
    }
}
