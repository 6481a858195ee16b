package dk.sagsspor.query.projection;

import dk.sagsspor.query.projection.ProjectionRebuilds.KafkaUnanswered;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * What Kafka says about the event topic and the consumer groups that read it — its ends, a group's committed offsets
 * and members — for the projections' status and their rebuilds. Each question has a time limit and a Kafka that does
 * not answer in time is {@link KafkaUnanswered}, never an empty answer.
 */
@Component
class TopicProgress {

    private static final Logger log = LoggerFactory.getLogger(TopicProgress.class);
    /** How long a rebuild gives Kafka to answer each question. */
    static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);

    /** How often a rebuild looks at its consumer group's progress. */
    private static final Duration PROGRESS_INTERVAL = Duration.ofMillis(200);

    private final KafkaAdmin kafkaAdmin;
    private final String topic;
    private Admin admin;

    TopicProgress(KafkaAdmin kafkaAdmin, ProjectionProperties properties) {
        this.kafkaAdmin = kafkaAdmin;
        this.topic = properties.topic();
    }

    /** The topic's end offsets by partition. */
    Map<TopicPartition, Long> endOffsets(Duration timeout) {
        Admin admin = admin();
        try {
            TopicDescription description = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .get(topic);
            Map<TopicPartition, OffsetSpec> request = description.partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            return admin.listOffsets(request).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS).entrySet().stream()
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnanswered("Interrupted while reading the offsets of " + topic);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaUnanswered("Kafka did not answer with the offsets of " + topic + ": " + e);
        }
    }

    /** The offsets the group has committed, by partition; none for a group that never committed. */
    Map<TopicPartition, Long> committedOffsets(String group, Duration timeout) {
        try {
            return admin()
                    .listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .entrySet()
                    .stream()
                    .filter(e -> e.getValue() != null)
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return Map.of();
            }
            throw new KafkaUnanswered("Kafka did not answer with the offsets of group " + group + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnanswered("Interrupted while reading the offsets of group " + group);
        } catch (TimeoutException e) {
            throw new KafkaUnanswered("Kafka did not answer with the offsets of group " + group);
        }
    }

    /** Waits until the group has committed at least the given offset on every partition (0: nothing to wait for). */
    void awaitCommitted(String group, Map<TopicPartition, Long> targets) throws InterruptedException {
        while (!reached(committedOffsets(group, KAFKA_TIMEOUT), targets)) {
            Thread.sleep(PROGRESS_INTERVAL);
        }
    }

    static boolean reached(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> targets) {
        return targets.entrySet().stream()
                .allMatch(target ->
                        target.getValue() == 0 || committed.getOrDefault(target.getKey(), 0L) >= target.getValue());
    }

    /** The client ids of the group's members; none for a group no consumer has joined. */
    Set<String> memberClients(String group, Duration timeout) {
        try {
            ConsumerGroupDescription description = admin().describeConsumerGroups(List.of(group))
                    .all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .get(group);
            return description == null
                    ? Set.of()
                    : description.members().stream()
                            .map(MemberDescription::clientId)
                            .collect(Collectors.toSet());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return Set.of();
            }
            throw new KafkaUnanswered("Kafka did not answer about consumer group " + group + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnanswered("Interrupted while looking at consumer group " + group);
        } catch (TimeoutException e) {
            throw new KafkaUnanswered("Kafka did not answer about consumer group " + group);
        }
    }

    /** Deletes a consumer group that is of no more use (best effort: an empty group expires anyway). */
    void forget(String group) {
        try {
            admin().deleteConsumerGroups(List.of(group)).all().get(KAFKA_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("Could not delete the consumer group {}: {}", group, e.getMessage());
        }
    }

    /**
     * One admin client for the service's life, made to stay quiet and quick while Kafka is away: calls give up after a
     * few seconds, reconnects back off up to ten seconds, and a lost cluster is not re-bootstrapped in a tight loop
     * (a client per call did that: one status call during an outage wrote 166,814 log lines and took 54 s).
     */
    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
            config.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 1_000);
            config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 10_000);
            config.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 1_000);
            config.put(AdminClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 10_000);
            config.put(AdminClientConfig.METADATA_RECOVERY_STRATEGY_CONFIG, "none");
            config.put(AdminClientConfig.CLIENT_ID_CONFIG, "query-service-projection-status");
            admin = Admin.create(config);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
    }
}
