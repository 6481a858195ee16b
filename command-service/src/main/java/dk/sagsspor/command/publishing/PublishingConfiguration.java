package dk.sagsspor.command.publishing;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class PublishingConfiguration {

    /**
     * A producer that is reset (after a failed relay batch) closes at once, aborting its unsent records instead of
     * delivering them later, out of order with the retry (see {@link KafkaRelay}).
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer closeProducersAtOnce() {
        return factory -> factory.setPhysicalCloseTimeout(0);
    }

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
}
