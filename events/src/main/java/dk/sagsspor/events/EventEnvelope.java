package dk.sagsspor.events;

import java.time.Instant;
import java.util.Objects;

/**
 * What travels with every event on Kafka besides its JSON payload. On the wire these are CloudEvents attributes in the
 * Kafka binary binding: {@code ce_id}, {@code ce_source}, {@code ce_type}, {@code ce_subject}, {@code ce_time} and the
 * extensions {@code ce_aggregatetype}, {@code ce_sequence}, {@code ce_actor}, {@code ce_correlationid},
 * {@code ce_causationid}, {@code ce_occurredat}; the record key
 * is the aggregate id and the value is the payload ({@code content-type: application/json}).
 *
 * @param eventId the event's unique id; the same on every redelivery
 * @param type the published type name, see {@link EventCatalog}
 * @param source the service that recorded the event, e.g. {@code /sagsspor/command-service}
 * @param aggregateType e.g. {@code AgendaItem}
 * @param aggregateId the aggregate's id (CloudEvents {@code subject})
 * @param sequence the event's position in its aggregate's history, from 0
 * @param time when the event was recorded (transaction time)
 * @param actor who caused it
 * @param correlationId ties together everything one request caused
 * @param causationId the id of the message (usually the command) that caused this event
 * @param occurredAt when it happened in the committee's world (business time): the meeting's time for history recorded
 *     after the fact, such as imported minutes; the same as {@code time} for everything recorded as it happens, and
 *     taken to be {@code time} when an event does not carry it
 */
public record EventEnvelope(
        String eventId,
        String type,
        String source,
        String aggregateType,
        String aggregateId,
        long sequence,
        Instant time,
        String actor,
        String correlationId,
        String causationId,
        Instant occurredAt) {

    public static final String AGGREGATE_TYPE = "aggregatetype";
    public static final String SEQUENCE = "sequence";
    public static final String ACTOR = "actor";
    public static final String CORRELATION_ID = "correlationid";
    public static final String CAUSATION_ID = "causationid";
    public static final String OCCURRED_AT = "occurredat";

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(time, "time");
        if (occurredAt == null) {
            occurredAt = time;
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative: " + sequence);
        }
    }
}
