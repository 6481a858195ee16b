package dk.sagsspor.query.projection;

import dk.sagsspor.events.EventEnvelope;
import dk.sagsspor.events.SagssporEvent;

/** An event as it came off Kafka: its envelope and its payload. */
public record DecodedEvent<E extends SagssporEvent>(EventEnvelope envelope, E event) {}
