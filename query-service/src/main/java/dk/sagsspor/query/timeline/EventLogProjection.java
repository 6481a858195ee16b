package dk.sagsspor.query.timeline;

import dk.sagsspor.events.SagssporEvent;
import dk.sagsspor.events.agendaitem.AgendaItemEvent;
import dk.sagsspor.query.projection.DecodedEvent;
import dk.sagsspor.query.projection.Projections;
import java.lang.reflect.RecordComponent;
import java.sql.Timestamp;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps every event with its envelope and a readable summary in {@code event_log}: the timelines of items (their own
 * events and the agenda events that name them) and meetings read it.
 */
@Component
class EventLogProjection {

    static final String NAME = "event-log";

    private final Projections projections;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    EventLogProjection(Projections projections, JdbcClient jdbc, JsonMapper json) {
        this.projections = projections;
        this.jdbc = jdbc;
        this.json = json;
    }

    @KafkaListener(
            id = NAME,
            topics = "${sagsspor.projection.topic}",
            groupId = "${sagsspor.projection.group-prefix}" + NAME)
    void on(ConsumerRecord<String, byte[]> record) {
        projections.apply(NAME, record, SagssporEvent.class, this::append);
    }

    private void append(DecodedEvent<SagssporEvent> decoded) {
        SagssporEvent event = decoded.event();
        jdbc.sql("""
                        insert into event_log (event_id, aggregate_type, aggregate_id, sequence, type, occurred_at,
                                               actor, correlation_id, agenda_item_id, summary, payload)
                        values (:eventId, :aggregateType, :aggregateId, :sequence, :type, :time, :actor,
                                :correlationId, :agendaItemId, :summary, cast(:payload as jsonb))
                        on conflict (event_id) do nothing""")
                .param("eventId", decoded.envelope().eventId())
                .param("aggregateType", decoded.envelope().aggregateType())
                .param("aggregateId", decoded.envelope().aggregateId())
                .param("sequence", decoded.envelope().sequence())
                .param("type", event.getClass().getSimpleName())
                .param("time", Timestamp.from(decoded.envelope().time()))
                .param("actor", decoded.envelope().actor())
                .param("correlationId", decoded.envelope().correlationId())
                .param("agendaItemId", agendaItemOf(event))
                .param("summary", Summaries.of(event))
                .param("payload", json.writeValueAsString(event))
                .update();
    }

    /** The agenda item an event is about: its own, or the one an agenda event names. */
    private static String agendaItemOf(SagssporEvent event) {
        if (event instanceof AgendaItemEvent itemEvent) {
            return itemEvent.agendaItemId();
        }
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            if (component.getName().equals("agendaItemId")) {
                try {
                    return (String) component.getAccessor().invoke(event);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return null;
    }
}
