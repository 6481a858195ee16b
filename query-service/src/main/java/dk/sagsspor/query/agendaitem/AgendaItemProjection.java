package dk.sagsspor.query.agendaitem;

import dk.sagsspor.events.agendaitem.AgendaItemEvent;
import dk.sagsspor.events.agendaitem.AgendaItemProposed;
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
        if (decoded.event() instanceof AgendaItemProposed proposed) {
            items.proposed(proposed, decoded.envelope());
        }
    }
}
