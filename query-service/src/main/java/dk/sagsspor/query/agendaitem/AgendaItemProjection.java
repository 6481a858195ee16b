package dk.sagsspor.query.agendaitem;

import dk.sagsspor.events.EventEnvelope;
import dk.sagsspor.events.agendaitem.AgendaItemDecided;
import dk.sagsspor.events.agendaitem.AgendaItemDecisionCorrected;
import dk.sagsspor.events.agendaitem.AgendaItemDeferred;
import dk.sagsspor.events.agendaitem.AgendaItemEvent;
import dk.sagsspor.events.agendaitem.AgendaItemProposed;
import dk.sagsspor.events.agendaitem.AgendaItemRevised;
import dk.sagsspor.events.agendaitem.AgendaItemScheduled;
import dk.sagsspor.events.agendaitem.AgendaItemUnscheduled;
import dk.sagsspor.events.agendaitem.AgendaItemWithdrawn;
import dk.sagsspor.query.projection.DecodedEvent;
import dk.sagsspor.query.projection.Projections;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps {@link AgendaItems} up to date. Its own consumer group, so it can be rebuilt alone. */
@Component
class AgendaItemProjection {

    static final String NAME = "agenda-items";

    private final Projections projections;
    private final AgendaItems items;

    AgendaItemProjection(Projections projections, AgendaItems items) {
        this.projections = projections;
        this.items = items;
    }

    @KafkaListener(
            id = NAME,
            topics = "${sagsspor.projection.topic}",
            groupId = "${sagsspor.projection.group-prefix}" + NAME)
    void on(ConsumerRecord<String, byte[]> record) {
        projections.apply(NAME, record, AgendaItemEvent.class, this::apply);
    }

    private void apply(DecodedEvent<AgendaItemEvent> decoded) {
        EventEnvelope envelope = decoded.envelope();
        AgendaItemEvent event = decoded.event();
        if (event instanceof AgendaItemProposed proposed) {
            items.proposed(proposed, envelope);
        } else if (event instanceof AgendaItemRevised revised) {
            items.revised(revised, envelope);
        } else if (event instanceof AgendaItemScheduled scheduled) {
            items.scheduled(scheduled.meetingId(), envelope);
        } else if (event instanceof AgendaItemUnscheduled) {
            items.unscheduled(envelope);
        } else if (event instanceof AgendaItemDecided decided) {
            items.decided(decided.outcome(), decided.text(), envelope);
        } else if (event instanceof AgendaItemDecisionCorrected corrected) {
            items.decided(corrected.outcome(), corrected.text(), envelope);
        } else if (event instanceof AgendaItemDeferred) {
            items.deferred(envelope);
        } else if (event instanceof AgendaItemWithdrawn) {
            items.withdrawn(envelope);
        } else {
            items.touched(envelope);
        }
    }
}
