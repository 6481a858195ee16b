package dk.sagsspor.query;

import dk.sagsspor.events.EventCatalog;
import dk.sagsspor.events.EventEnvelope;
import dk.sagsspor.events.SagssporEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

/** Records as the command service's relay puts them on the event topic, for feeding projections directly. */
public final class EventRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EventRecords() {}

    public static ProducerRecord<String, byte[]> record(String topic, SagssporEvent event, long sequence) {
        return record(topic, event, sequence, UUID.randomUUID().toString(), Instant.now());
    }

    public static ProducerRecord<String, byte[]> record(
            String topic, SagssporEvent event, long sequence, String eventId, Instant time) {
        return build(
                topic,
                event.aggregateId(),
                EventCatalog.typeOf(event.getClass()),
                sequence,
                eventId,
                time,
                JSON.writeValueAsBytes(event));
    }

    /** A record of any type name with a hand-written payload, e.g. an older version of an event. */
    public static ProducerRecord<String, byte[]> raw(
            String topic, String aggregateId, String type, long sequence, String json) {
        return build(
                topic,
                aggregateId,
                type,
                sequence,
                UUID.randomUUID().toString(),
                Instant.now(),
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static ProducerRecord<String, byte[]> build(
            String topic, String aggregateId, String type, long sequence, String eventId, Instant time, byte[] data) {
        return KafkaMessageFactory.createWriter(topic, aggregateId)
                .writeBinary(CloudEventBuilder.v1()
                        .withId(eventId)
                        .withSource(URI.create("/sagsspor/test"))
                        .withType(type)
                        .withSubject(aggregateId)
                        .withTime(time.atOffset(ZoneOffset.UTC))
                        .withDataContentType("application/json")
                        .withExtension(
                                EventEnvelope.AGGREGATE_TYPE,
                                type.contains(".Meeting")
                                        ? "Meeting"
                                        : type.contains(".Staff") ? "StaffMember" : "AgendaItem")
                        .withExtension(EventEnvelope.SEQUENCE, Long.toString(sequence))
                        .withExtension(EventEnvelope.ACTOR, "hast")
                        .withExtension(EventEnvelope.CORRELATION_ID, "test-" + eventId)
                        .withData(data)
                        .build());
    }
}
