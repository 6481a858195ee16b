package dk.sagsspor.query.projection;

import dk.sagsspor.events.EventCatalog;
import dk.sagsspor.events.EventEnvelope;
import dk.sagsspor.events.SagssporEvent;
import dk.sagsspor.events.Upcasters;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads the CloudEvents envelope and the JSON payload of a record from the event topic. */
@Component
class EventDecoder {

    private static final TypeReference<Map<String, Object>> TREE = new TypeReference<>() {};

    /** The CloudEvents Kafka binding's header of the event type. */
    private static final String TYPE_HEADER = "ce_type";

    private final JsonMapper json;
    private final Map<String, EventCatalog.EventType> types = new ConcurrentHashMap<>();

    EventDecoder(JsonMapper json) {
        this.json = json;
    }

    /**
     * False only when the record's {@code ce_type} header names a known event that is not a {@code type}: a cheap
     * look that lets a projection pass over other aggregates' records without parsing them.
     */
    boolean mayBe(ConsumerRecord<String, byte[]> record, Class<? extends SagssporEvent> type) {
        Header header = record.headers().lastHeader(TYPE_HEADER);
        if (header == null) {
            return true;
        }
        Optional<EventCatalog.EventType> known = resolve(new String(header.value(), StandardCharsets.UTF_8));
        return known.isEmpty() || type.isAssignableFrom(known.get().eventClass());
    }

    /** {@link EventCatalog#resolve}, remembered for the types it knows (a handful), as every record asks. */
    private Optional<EventCatalog.EventType> resolve(String type) {
        EventCatalog.EventType known = types.get(type);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<EventCatalog.EventType> resolved = EventCatalog.resolve(type);
        resolved.ifPresent(t -> types.put(type, t));
        return resolved;
    }

    DecodedEvent<SagssporEvent> decode(ConsumerRecord<String, byte[]> record) {
        CloudEvent cloudEvent;
        try {
            cloudEvent = KafkaMessageFactory.createReader(record).toEvent();
        } catch (RuntimeException e) {
            throw new UndecodableEvent("Not a CloudEvent: " + e.getMessage(), e);
        }
        EventCatalog.EventType type = resolve(cloudEvent.getType())
                .orElseThrow(() -> new UndecodableEvent("Unknown event type " + cloudEvent.getType()));
        if (cloudEvent.getData() == null || cloudEvent.getSubject() == null || cloudEvent.getTime() == null) {
            throw new UndecodableEvent("Event " + cloudEvent.getId() + " lacks data, subject or time");
        }
        SagssporEvent event;
        try {
            byte[] data = cloudEvent.getData().toBytes();
            event = type.isCurrent()
                    ? json.readValue(data, type.eventClass())
                    : json.convertValue(
                            Upcasters.toCurrent(type.name(), type.version(), json.readValue(data, TREE)),
                            type.eventClass());
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new UndecodableEvent(
                    "Payload of " + cloudEvent.getId() + " is not a valid " + cloudEvent.getType(), e);
        }
        EventEnvelope envelope;
        try {
            envelope = new EventEnvelope(
                    cloudEvent.getId(),
                    cloudEvent.getType(),
                    cloudEvent.getSource().toString(),
                    extension(cloudEvent, EventEnvelope.AGGREGATE_TYPE),
                    cloudEvent.getSubject(),
                    Long.parseLong(String.valueOf(cloudEvent.getExtension(EventEnvelope.SEQUENCE))),
                    Instant.from(cloudEvent.getTime()),
                    extension(cloudEvent, EventEnvelope.ACTOR),
                    extension(cloudEvent, EventEnvelope.CORRELATION_ID),
                    extension(cloudEvent, EventEnvelope.CAUSATION_ID),
                    occurredAt(cloudEvent));
        } catch (RuntimeException e) {
            throw new UndecodableEvent("Envelope of " + cloudEvent.getId() + " is incomplete: " + e.getMessage(), e);
        }
        if (!envelope.aggregateId().equals(event.aggregateId())) {
            throw new UndecodableEvent("Event " + envelope.eventId() + " has subject " + envelope.aggregateId()
                    + " but belongs to " + event.aggregateId());
        }
        return new DecodedEvent<>(envelope, event);
    }

    /** The business time, an ISO-8601 instant with offset; absent on events recorded before it was carried. */
    private static Instant occurredAt(CloudEvent event) {
        String value = extension(event, EventEnvelope.OCCURRED_AT);
        return value == null ? null : OffsetDateTime.parse(value).toInstant();
    }

    private static String extension(CloudEvent event, String name) {
        Object value = event.getExtension(name);
        return value == null ? null : value.toString();
    }
}
