package dk.sagsspor.query.timeline;

import dk.sagsspor.events.SagssporEvent;
import dk.sagsspor.events.agendaitem.AgendaItemEvent;
import dk.sagsspor.events.agendaitem.AgendaItemProposed;
import dk.sagsspor.events.agendaitem.AgendaItemRevised;
import dk.sagsspor.query.projection.DecodedEvent;
import dk.sagsspor.query.projection.Projection;
import dk.sagsspor.query.projection.ProposedItems;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps every event with its envelope and a readable summary in {@code event_log}, and what the timelines show of each
 * item in {@code event_log_item}: the timelines of items (their own events and the agenda events that name them) and
 * meetings read them.
 */
@Component
class EventLogProjection implements Projection<SagssporEvent> {

    static final String NAME = "event-log";
    /** What the timelines show of each item: its title, committee and whether it is closed. */
    static final String ITEMS = "event_log_item";

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
        return List.of("event_log", ITEMS);
    }

    @Override
    public void apply(DecodedEvent<SagssporEvent> decoded) {
        apply(List.of(decoded));
    }

    /**
     * A poll's events in one statement: a row each, from arrays of their columns; the items they propose in one more
     * (with their revisions in the poll folded in), and revisions of earlier items' titles in one more.
     */
    @Override
    public void apply(List<DecodedEvent<SagssporEvent>> events) {
        ProposedItems.Poll proposed = new ProposedItems.Poll();
        Map<String, String> titles = new LinkedHashMap<>();
        for (DecodedEvent<SagssporEvent> event : events) {
            if (event.event() instanceof AgendaItemProposed e) {
                proposed.propose(e);
            } else if (event.event() instanceof AgendaItemRevised e && !proposed.revise(e)) {
                titles.put(e.agendaItemId(), e.title());
            }
        }
        insertEvents(events);
        if (!proposed.items().isEmpty()) {
            jdbc.sql("""
                            insert into event_log_item (id, committee, title, closed_item)
                            select id, committee, title, closed from unnest(cast(:ids as text[]),
                                   cast(:committees as text[]), cast(:titles as text[]), cast(:caseNumbers as text[]),
                                   cast(:closedItems as boolean[])) as r(id, committee, title, case_number, closed)""").params(ProposedItems.columns(proposed.items())).update();
        }
        if (!titles.isEmpty()) {
            jdbc.sql("""
                            update event_log_item i set title = r.title
                              from unnest(cast(:ids as text[]), cast(:titles as text[])) as r(id, title)
                             where i.id = r.id""")
                    .param("ids", titles.keySet().toArray(String[]::new))
                    .param("titles", titles.values().toArray(String[]::new))
                    .update();
        }
    }

    private void insertEvents(List<DecodedEvent<SagssporEvent>> events) {
        jdbc.sql("""
                        insert into event_log (event_id, aggregate_type, aggregate_id, sequence, type, occurred_at,
                                               recorded_at, actor, correlation_id, agenda_item_id, summary, payload)
                        select event_id, aggregate_type, aggregate_id, sequence, type, occurred_at, recorded_at, actor,
                               correlation_id, agenda_item_id, summary, cast(payload as jsonb)
                          from unnest(cast(:eventIds as text[]), cast(:aggregateTypes as text[]),
                                      cast(:aggregateIds as text[]), cast(:sequences as bigint[]),
                                      cast(:types as text[]), cast(:occurred as timestamptz[]),
                                      cast(:recorded as timestamptz[]), cast(:actors as text[]),
                                      cast(:correlationIds as text[]), cast(:agendaItemIds as text[]),
                                      cast(:summaries as text[]), cast(:payloads as text[]))
                               as e(event_id, aggregate_type, aggregate_id, sequence, type, occurred_at, recorded_at,
                                    actor, correlation_id, agenda_item_id, summary, payload)
                        on conflict (aggregate_id, sequence) do nothing""")
                .param("eventIds", column(events, e -> e.envelope().eventId()))
                .param("aggregateTypes", column(events, e -> e.envelope().aggregateType()))
                .param("aggregateIds", column(events, e -> e.envelope().aggregateId()))
                .param(
                        "sequences",
                        column(events, e -> Long.toString(e.envelope().sequence())))
                .param("types", column(events, e -> e.event().getClass().getSimpleName()))
                .param("occurred", column(events, e -> e.envelope().occurredAt().toString()))
                .param("recorded", column(events, e -> e.envelope().time().toString()))
                .param("actors", column(events, e -> e.envelope().actor()))
                .param("correlationIds", column(events, e -> e.envelope().correlationId()))
                .param("agendaItemIds", column(events, e -> agendaItemOf(e.event())))
                .param("summaries", column(events, e -> Summaries.of(e.event())))
                .param("payloads", column(events, e -> json.writeValueAsString(e.event())))
                .update();
    }

    private static String[] column(
            List<DecodedEvent<SagssporEvent>> events, Function<DecodedEvent<SagssporEvent>, String> value) {
        return events.stream().map(value).toArray(String[]::new);
    }

    /** The agenda item an event is about: its own, or the one an agenda event names. */
    private static String agendaItemOf(SagssporEvent event) {
        if (event instanceof AgendaItemEvent itemEvent) {
            return itemEvent.agendaItemId();
        }
        Method accessor = AGENDA_ITEM_ID.get(event.getClass()).orElse(null);
        if (accessor == null) {
            return null;
        }
        try {
            return (String) accessor.invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each event type's {@code agendaItemId} accessor, if it has one: looked up once per type, not per event. */
    private static final ClassValue<Optional<Method>> AGENDA_ITEM_ID = new ClassValue<>() {
        @Override
        protected Optional<Method> computeValue(Class<?> type) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getName().equals("agendaItemId")) {
                    return Optional.of(component.getAccessor());
                }
            }
            return Optional.empty();
        }
    };
}
