package dk.sagsspor.command.audit;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The seal topic, and the schedule that extends the chain and seals it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
class AuditConfiguration {

    /** The seal topic: one partition (seals in order), kept forever. */
    @Bean
    NewTopic sealTopic(AuditProperties properties) {
        return TopicBuilder.name(properties.sealTopic())
                .partitions(1)
                .replicas(1)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .config(TopicConfig.RETENTION_BYTES_CONFIG, "-1")
                .build();
    }

    /** Extends the chain every {@code chain-interval}, seals it every {@code seal-interval}; a failure waits a turn. */
    @Component
    static class AuditSchedule {

        private static final Logger log = LoggerFactory.getLogger(AuditSchedule.class);

        private final EventChain chain;
        private final Seals seals;

        AuditSchedule(EventChain chain, Seals seals) {
            this.chain = chain;
            this.seals = seals;
        }

        @Scheduled(
                fixedDelayString = "${sagsspor.audit.chain-interval}",
                initialDelayString = "${sagsspor.audit.chain-interval}")
        void extend() {
            try {
                chain.extend(false);
            } catch (RuntimeException e) {
                log.warn("Extending the event chain failed; next turn: {}", e.toString());
            }
        }

        @Scheduled(
                fixedDelayString = "${sagsspor.audit.seal-interval}",
                initialDelayString = "${sagsspor.audit.seal-interval}")
        void seal() {
            try {
                seals.seal(false);
            } catch (RuntimeException e) {
                log.warn("Sealing the event chain failed; next turn: {}", e.toString());
            }
        }
    }
}
