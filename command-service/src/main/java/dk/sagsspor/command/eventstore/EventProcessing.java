package dk.sagsspor.command.eventstore;

import dk.sagsspor.events.EventCatalog;
import dk.sagsspor.events.SagssporEvent;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.serialization.RevisionResolver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EventProcessing {

    /**
     * Axon's default error handler logs a failing event handler and moves on: the relay would drop events and the
     * carry-over process would forget work. Propagating makes the processor roll the batch back and retry it.
     */
    @Autowired
    void retryInsteadOfSkipping(EventProcessingConfigurer processing) {
        processing.registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }

    /** Stores each event with its published version as Axon's payload revision, so upcasters know what they read. */
    @Bean
    RevisionResolver revisionResolver() {
        return payloadType -> SagssporEvent.class.isAssignableFrom(payloadType)
                ? Integer.toString(EventCatalog.versionOf(payloadType))
                : null;
    }
}
