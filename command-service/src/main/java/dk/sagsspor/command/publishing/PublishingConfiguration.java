package dk.sagsspor.command.publishing;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class PublishingConfiguration {

    /** The event topic, kept forever: read models can be rebuilt from Kafka alone. */
    @Bean
    NewTopic eventTopic(PublishingProperties properties) {
        return TopicBuilder.name(properties.topic())
                .partitions(properties.partitions())
                .replicas(properties.replicas())
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .config(TopicConfig.RETENTION_BYTES_CONFIG, "-1")
                .build();
    }

    /**
     * Axon's default error handler logs a failing event handler and moves on; for the relay that would drop events.
     * Propagating the error makes the processor roll the batch back and retry it with back-off.
     */
    @Autowired
    void relayRetriesInsteadOfSkipping(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(
                KafkaRelay.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
