package dk.sagsspor.command.publishing;

import dk.sagsspor.command.web.CommandMetaData;
import dk.sagsspor.events.EventCatalog;
import dk.sagsspor.events.EventEnvelope;
import dk.sagsspor.events.SagssporEvent;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Relays every stored event to Kafka: the event store is the outbox. A streaming event processor reads the store in
 * order and hands each event to this handler; the handler sends it without waiting, and the batch's token is only
 * stored after the broker has acknowledged every send of the batch. A failed send fails the batch, which the processor
 * retries from its last token: nothing is lost, and a crash re-publishes at most one batch (at-least-once; the query
 * side skips what it has applied). A failed batch also closes the producer at once, aborting what it still holds, so
 * that nothing of the failed batch can arrive after the retry has begun: each aggregate's events stay in order.
 */
@Component
@ProcessingGroup(KafkaRelay.PROCESSING_GROUP)
class KafkaRelay {

    static final String PROCESSING_GROUP = "kafka-relay";
    private static final String PENDING_SENDS = KafkaRelay.class.getName() + ".pending";

    private final KafkaTemplate<String, byte[]> kafka;
    private final Serializer eventSerializer;
    private final PublishingProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Timer lag;
    /** Published events by type, registered once per type rather than looked up per event. */
    private final ClassValue<Counter> published = new ClassValue<>() {
        @Override
        protected Counter computeValue(Class<?> type) {
            return Counter.builder("sagsspor.relay.events.published")
                    .description("Events relayed from the event store to Kafka and acknowledged")
                    .tag("type", type.getSimpleName())
                    .register(meters);
        }
    };

    KafkaRelay(
            KafkaTemplate<String, byte[]> kafka,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            PublishingProperties properties,
            MeterRegistry meters,
            Clock clock) {
        this.clock = clock;
        this.kafka = kafka;
        this.eventSerializer = eventSerializer;
        this.properties = properties;
        this.meters = meters;
        this.lag = Timer.builder("sagsspor.relay.lag")
                .description("Time from an event being recorded to Kafka acknowledging it")
                .publishPercentileHistogram()
                .register(meters);
    }

    /**
     * The payload goes out as the store holds it (after upcasting, if it was stored in an older version): it is
     * neither read into its record nor written again.
     */
    @EventHandler(payloadType = SagssporEvent.class)
    void on(DomainEventMessage<?> message) {
        ProducerRecord<String, byte[]> record = KafkaMessageFactory.createWriter(
                        properties.topic(), message.getAggregateIdentifier())
                .writeBinary(toCloudEvent(message));
        CompletableFuture<?> sent = kafka.send(record).thenRun(() -> acknowledged(message));
        pendingSends().add(sent);
    }

    private CloudEvent toCloudEvent(DomainEventMessage<?> message) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(message.getIdentifier())
                .withSource(properties.source())
                .withType(EventCatalog.typeOf(message.getPayloadType().asSubclass(SagssporEvent.class)))
                .withSubject(message.getAggregateIdentifier())
                .withTime(message.getTimestamp().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withExtension(EventEnvelope.AGGREGATE_TYPE, message.getType())
                .withExtension(EventEnvelope.SEQUENCE, Long.toString(message.getSequenceNumber()))
                .withData(
                        message.serializePayload(eventSerializer, byte[].class).getData());
        copy(message, CommandMetaData.ACTOR, builder, EventEnvelope.ACTOR);
        copy(message, CommandMetaData.CORRELATION_ID, builder, EventEnvelope.CORRELATION_ID);
        copy(message, CommandMetaData.CAUSATION_ID, builder, EventEnvelope.CAUSATION_ID);
        Object occurredAt = message.getMetaData().get(CommandMetaData.OCCURRED_AT);
        builder.withExtension(
                EventEnvelope.OCCURRED_AT,
                occurredAt == null
                        ? message.getTimestamp().atOffset(ZoneOffset.UTC).toString()
                        : occurredAt.toString());
        return builder.build();
    }

    private static void copy(DomainEventMessage<?> message, String key, CloudEventBuilder builder, String extension) {
        Object value = message.getMetaData().get(key);
        if (value != null) {
            builder.withExtension(extension, value.toString());
        }
    }

    /** The sends of the current batch; before the batch commits its token, all of them must be acknowledged. */
    private List<CompletableFuture<?>> pendingSends() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(PENDING_SENDS, key -> {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> awaitAll(sends));
            return sends;
        });
    }

    private void awaitAll(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventsNotPublished("Interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            meters.counter("sagsspor.relay.failures").increment();
            // Abort whatever of this batch the producer still holds: left alone, a send that had not yet expired could
            // reach the broker after an earlier one of the same aggregate expired, and the retry would then append the
            // earlier one after it — an aggregate's events out of order on the topic (seen with Kafka down 5 minutes).
            // A new producer is made for the retry, which sends the whole batch again, in order.
            kafka.getProducerFactory().reset();
            throw new EventsNotPublished("Kafka did not acknowledge " + sends.size() + " event(s)", e);
        }
    }

    private void acknowledged(DomainEventMessage<?> message) {
        published.get(message.getPayloadType()).increment();
        lag.record(Duration.between(message.getTimestamp(), clock.instant()));
    }

    /** The broker did not take a batch; the processor retries it from its last token. */
    static final class EventsNotPublished extends RuntimeException {
        EventsNotPublished(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
