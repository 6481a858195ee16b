package dk.sagsspor.command.eventstore;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the event store's reader, which feeds the relay and the carry-over process.
 *
 * @param fetchDelay how long the reader waits for new events before it looks in the store anyway. Events recorded by
 *     this instance wake it at once; those recorded by another instance of the service are seen after at most this
 *     long (Axon's default, 1 s)
 */
@Validated
@ConfigurationProperties("sagsspor.event-store")
record EventStoreProperties(@DefaultValue("1s") Duration fetchDelay) {}
