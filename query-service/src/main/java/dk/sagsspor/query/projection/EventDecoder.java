package dk.sagsspor.query.projection;

import dk.sagsspor.events.EventCatalog;
import dk.sagsspor.events.EventEnvelope;
import dk.sagsspor.events.SagssporEvent;
import dk.sagsspor.events.Upcasters;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads the CloudEvents envelope and the JSON payload of a record from the event topic. */
@Component
class EventDecoder {

    private static final TypeReference<Map<String, Object>> TREE = new TypeReference<>() {};

    private final JsonMapper json;

    EventDecoder(JsonMapper json) {
        this.json = json;
    }

    DecodedEvent<SagssporEvent> decode(ConsumerRecord<String, byte[]> record) {
        CloudEvent cloudEvent;
        try {
            cloudEvent = KafkaMessageFactory.createReader(record).toEvent();
        } catch (RuntimeException e) {
            throw new UndecodableEvent("Not a CloudEvent: " + e.getMessage(), e);
        }
        EventCatalog.EventType type = EventCatalog.resolve(cloudEvent.getType())
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
        return value == null ? null : java.time.OffsetDateTime.parse(value).toInstant();
    }

    private static String extension(CloudEvent event, String name) {
        Object value = event.getExtension(name);
        return value == null ? null : value.toString();
    }
}
