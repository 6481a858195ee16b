package dk.sagsspor.query.alert;

import dk.sagsspor.events.alert.DeadlineAlert;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes alerts on the alerts topic as CloudEvents ({@link DeadlineAlert}), keyed by follow-up, with the alert's id
 * as the CloudEvent id so that consumers can drop a repeated publication.
 */
@Component
class AlertTopic {

    static final URI SOURCE = URI.create("/sagsspor/query-service/alerts");

    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper json;
    private final AlertProperties properties;

    AlertTopic(KafkaTemplate<String, byte[]> kafka, AlertProperties properties) {
        this.kafka = kafka;
        // the published language as its golden samples write it (instants in UTC), not as the HTTP answers show
        // times (Danish offsets, DanishTimes)
        this.json = JsonMapper.shared();
        this.properties = properties;
    }

    void publish(Alert alert, FollowUpNow followUp) throws InterruptedException, ExecutionException, TimeoutException {
        DeadlineAlert payload = new DeadlineAlert(
                alert.id(),
                alert.kind(),
                alert.daysBefore(),
                followUp.current().id(),
                followUp.current().agendaItemId(),
                followUp.current().committee(),
                followUp.current().title(),
                followUp.current().caseNumber(),
                followUp.current().closedItem(),
                followUp.current().description(),
                alert.dueDate(),
                alert.assignee(),
                followUp.name(),
                alert.raisedAt());
        CloudEvent event = CloudEventBuilder.v1()
                .withId(alert.id())
                .withSource(SOURCE)
                .withType(DeadlineAlert.TYPE)
                .withSubject(followUp.current().id())
                .withTime(alert.raisedAt().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(json.writeValueAsBytes(payload))
                .build();
        ProducerRecord<String, byte[]> record = KafkaMessageFactory.createWriter(
                        properties.topic(), followUp.current().id())
                .writeBinary(event);
        kafka.send(record).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Configuration(proxyBeanMethods = false)
    static class Topic {

        /** Kept forever, like the event topic: another system may start reading it years from now. */
        @Bean
        NewTopic alertsTopic(AlertProperties properties) {
            return TopicBuilder.name(properties.topic())
                    .partitions(3)
                    .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                    .build();
        }
    }
}
