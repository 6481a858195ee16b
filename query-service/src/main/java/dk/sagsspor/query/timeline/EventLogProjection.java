package dk.sagsspor.query.timeline;

import dk.sagsspor.events.SagssporEvent;
import dk.sagsspor.events.agendaitem.AgendaItemEvent;
import dk.sagsspor.query.projection.DecodedEvent;
import dk.sagsspor.query.projection.Projection;
import java.lang.reflect.RecordComponent;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps every event with its envelope and a readable summary in {@code event_log}: the timelines of items (their own
 * events and the agenda events that name them) and meetings read it.
 */
@Component
class EventLogProjection implements Projection<SagssporEvent> {

    static final String NAME = "event-log";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    EventLogProjection(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<SagssporEvent> eventType() {
        return SagssporEvent.class;
    }

    @Override
    public List<String> tables() {
        return List.of("event_log");
    }

    @Override
    public void apply(DecodedEvent<SagssporEvent> decoded) {
        SagssporEvent event = decoded.event();
        jdbc.sql("""
                        insert into event_log (event_id, aggregate_type, aggregate_id, sequence, type, occurred_at,
                                               recorded_at, actor, correlation_id, agenda_item_id, summary, payload)
                        values (:eventId, :aggregateType, :aggregateId, :sequence, :type, :time, :recorded, :actor,
                                :correlationId, :agendaItemId, :summary, cast(:payload as jsonb))
                        on conflict (event_id) do nothing""")
                .param("eventId", decoded.envelope().eventId())
                .param("aggregateType", decoded.envelope().aggregateType())
                .param("aggregateId", decoded.envelope().aggregateId())
                .param("sequence", decoded.envelope().sequence())
                .param("type", event.getClass().getSimpleName())
                .param("time", Timestamp.from(decoded.envelope().occurredAt()))
                .param("recorded", Timestamp.from(decoded.envelope().time()))
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
