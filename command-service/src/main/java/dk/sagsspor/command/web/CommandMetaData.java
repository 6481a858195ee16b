package dk.sagsspor.command.web;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The metadata every command carries and every event inherits from the command that caused it. */
@Configuration(proxyBeanMethods = false)
public class CommandMetaData {

    public static final String ACTOR = "actor";

    /**
     * When what a command records happened in the committee's world, as an ISO-8601 instant; only on commands that
     * record history after the fact (imported minutes). Every event the command causes carries it.
     */
    public static final String OCCURRED_AT = "occurredAt";

    /**
     * The request's correlation id. It is Axon's trace id: {@link MessageOriginProvider} keeps it on every message
     * that follows from the command, however many hops later.
     */
    public static final String CORRELATION_ID = "traceId";

    /** Axon's own key for the id of the message that directly caused this one (the command, for its events). */
    public static final String CAUSATION_ID = "correlationId";

    @Bean
    MessageOriginProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider actorProvider() {
        return new SimpleCorrelationDataProvider(ACTOR, OCCURRED_AT);
    }
}
