package dk.sagsspor.query.projection;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.config.KafkaListenerEndpoint;
import org.springframework.kafka.config.KafkaListenerEndpointRegistrar;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.TopicPartitionOffset;
import org.springframework.kafka.support.converter.MessageConverter;

/**
 * One Kafka batch listener for every {@link Projection} bean, on Boot's listener container factory (with its error
 * handler): one consumer group reads each record once, and {@link Projections} applies a poll to every read model in
 * one pass and one transaction (ADR 13). Its id is {@link #LISTENER}, its group {@code <group-prefix>read-models}.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionListeners implements KafkaListenerConfigurer {

    /** The listener's id, and the suffix of its consumer group. */
    static final String LISTENER = "read-models";

    private final List<Projection<?>> projections;
    private final Projections runner;
    private final ProjectionProperties properties;

    ProjectionListeners(List<Projection<?>> projections, Projections runner, ProjectionProperties properties) {
        this.projections = projections;
        this.runner = runner;
        this.properties = properties;
    }

    @Override
    public void configureKafkaListeners(KafkaListenerEndpointRegistrar registrar) {
        Scope live = Scope.live(projections);
        registrar.registerEndpoint(new ProjectionEndpoint(
                LISTENER, group(properties), List.of(properties.topic()), (BatchMessageListener<String, byte[]>)
                        records -> runner.apply(live, records)));
    }

    /** The live read models' consumer group. */
    static String group(ProjectionProperties properties) {
        return properties.groupPrefix() + LISTENER;
    }

    /** A listener endpoint that feeds the read models: its id and consumer group, the event topic. */
    private record ProjectionEndpoint(
            String id, String groupId, Collection<String> topics, BatchMessageListener<String, byte[]> listener)
            implements KafkaListenerEndpoint {

        @Override
        public String getId() {
            return id;
        }

        @Override
        public String getGroupId() {
            return groupId;
        }

        @Override
        public String getGroup() {
            return null;
        }

        @Override
        public Collection<String> getTopics() {
            return topics;
        }

        @Override
        public TopicPartitionOffset[] getTopicPartitionsToAssign() {
            return null;
        }

        @Override
        public Pattern getTopicPattern() {
            return null;
        }

        @Override
        public String getClientIdPrefix() {
            return null;
        }

        @Override
        public Integer getConcurrency() {
            return null;
        }

        @Override
        public Boolean getAutoStartup() {
            return null;
        }

        @Override
        public void setupListenerContainer(MessageListenerContainer container, MessageConverter messageConverter) {
            container.setupMessageListener(listener);
        }

        /** The records of a poll at once: one transaction for all of them (see {@link Projections}). */
        @Override
        public Boolean getBatchListener() {
            return true;
        }

        @Override
        public boolean isSplitIterables() {
            return true;
        }

        @Override
        public String getAckMode() {
            return null;
        }
    }
}
