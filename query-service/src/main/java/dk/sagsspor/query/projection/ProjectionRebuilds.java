package dk.sagsspor.query.projection;

import dk.sagsspor.query.web.NotFound;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rebuilds one projection from the beginning of the event topic while the service keeps answering: its listener
 * stops, its consumer group's offsets go back to the start of every partition, its tables and positions are emptied
 * in one transaction, and the listener starts again and applies every event as it did the first time. The other
 * projections are not touched. Until it has caught up, the projection's answers are incomplete; {@link #status()}
 * tells how far it has come.
 *
 * <p>Only a projection consumed by this instance alone can be rebuilt: with other members in its consumer group the
 * rebuild is refused, since they would go on applying events into the tables being emptied.
 */
@Component
public class ProjectionRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration GROUP_EMPTY_WAIT = Duration.ofSeconds(10);
    /** How long a status page waits for Kafka before it answers without Kafka's part. */
    private static final Duration STATUS_TIMEOUT = Duration.ofSeconds(3);

    private final Map<String, Projection<?>> projections;
    private final KafkaListenerEndpointRegistry listeners;
    private final KafkaAdmin kafkaAdmin;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ProjectionProperties properties;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Clock clock;
    private final DeadLetters deadLetters;
    private Admin admin;

    ProjectionRebuilds(
            List<Projection<?>> projections,
            KafkaListenerEndpointRegistry listeners,
            KafkaAdmin kafkaAdmin,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            ProjectionProperties properties,
            JsonMapper json,
            MeterRegistry meters,
            Clock clock,
            DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
        this.projections = projections.stream().collect(Collectors.toMap(Projection::name, p -> p));
        this.listeners = listeners;
        this.kafkaAdmin = kafkaAdmin;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.json = json;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Where a projection stands: its consumer group, whether it runs, its lag in records ({@code null} while Kafka does
     * not answer: {@code kafka} is then {@code unavailable}), its unresolved dead letters by status ({@code open},
     * {@code held}), and its latest rebuild.
     */
    public record Status(
            String name,
            String consumerGroup,
            boolean running,
            String kafka,
            Long lag,
            Map<String, Long> deadLetters,
            List<String> tables,
            Rebuild lastRebuild) {}

    /** A rebuild: when and by whom it was asked for, and whether the projection has caught up since. */
    public record Rebuild(Instant requested, String requestedBy, long eventsToReplay, boolean caughtUp) {}

    /** A rebuild that cannot be done now, and why. */
    public static class RebuildRefused extends RuntimeException {
        RebuildRefused(String message) {
            super(message);
        }
    }

    /** Kafka did not answer in time; nothing was changed, or the rebuild can simply be asked for again. */
    public static class KafkaUnanswered extends RuntimeException {
        KafkaUnanswered(String message) {
            super(message);
        }
    }

    /** Every projection's status, by name; with Kafka's part unknown if Kafka does not answer. */
    public List<Status> status() {
        Map<String, Map<String, Long>> deadLetterCounts = deadLetters.counts();
        Map<TopicPartition, Long> ends = endOffsetsIfKafkaAnswers();
        return projections.keySet().stream()
                .sorted()
                .map(name -> status(name, ends, deadLetterCounts))
                .toList();
    }

    /** One projection's status. */
    public Status status(String name) {
        requireKnown(name);
        return status(name, endOffsetsIfKafkaAnswers(), deadLetters.counts());
    }

    /** The topic's end offsets, or null if Kafka does not answer within {@link #STATUS_TIMEOUT}. */
    private Map<TopicPartition, Long> endOffsetsIfKafkaAnswers() {
        try {
            return offsets(OffsetSpec.latest(), STATUS_TIMEOUT);
        } catch (KafkaUnanswered e) {
            log.warn("Projection status without Kafka's part: {}", e.getMessage());
            return null;
        }
    }

    /** Rebuilds the named projection from the beginning of the topic; answers its status right after the restart. */
    public synchronized Status rebuild(String name, String requestedBy) {
        Projection<?> projection = requireKnown(name);
        String group = group(name);
        MessageListenerContainer container = listeners.getListenerContainer(name);
        if (container == null) {
            throw new RebuildRefused("The listener of projection " + name + " is not registered");
        }
        log.info("Rebuilding projection {} (asked by {}): stopping its listener", name, requestedBy);
        container.stop();
        try {
            Admin admin = admin();
            awaitNoOtherConsumers(admin, name, group);
            Map<TopicPartition, Long> ends = offsets(OffsetSpec.latest(), KAFKA_TIMEOUT);
            Map<TopicPartition, OffsetAndMetadata> starts = new HashMap<>();
            offsets(OffsetSpec.earliest(), KAFKA_TIMEOUT)
                    .forEach((partition, offset) -> starts.put(partition, new OffsetAndMetadata(offset)));
            // Offsets first: if emptying the tables failed after this, the projection would just skip every event
            // as a redelivery; the other way round, it would go on with its tables empty.
            admin.alterConsumerGroupOffsets(group, starts).all().get(KAFKA_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            transactions.executeWithoutResult(tx -> {
                for (String table : projection.tables()) {
                    jdbc.sql("delete from " + table).update();
                }
                jdbc.sql("delete from projection_position where projection = :projection")
                        .param("projection", name)
                        .update();
                jdbc.sql("""
                                insert into projection_rebuild (projection, requested_at, requested_by, target_offsets)
                                values (:projection, :time, :by, cast(:offsets as jsonb))""")
                        .param("projection", name)
                        .param("time", Timestamp.from(clock.instant()))
                        .param("by", requestedBy)
                        .param("offsets", json.writeValueAsString(byPartition(ends)))
                        .update();
            });
            meters.counter("sagsspor.projection.rebuilds", "projection", name).increment();
            log.info(
                    "Projection {} emptied ({}) and its group {} set back to the start; {} events to replay",
                    name,
                    projection.tables(),
                    group,
                    ends.values().stream().mapToLong(Long::longValue).sum());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnanswered("Interrupted while rebuilding " + name);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaUnanswered("Kafka did not answer while rebuilding " + name + ": " + e.getMessage());
        } finally {
            container.start();
        }
        return status(name);
    }

    private Projection<?> requireKnown(String name) {
        Projection<?> projection = projections.get(name);
        if (projection == null) {
            throw new NotFound("projection", name);
        }
        return projection;
    }

    private void awaitNoOtherConsumers(Admin admin, String name, String group)
            throws InterruptedException, ExecutionException, TimeoutException {
        Instant deadline = Instant.now().plus(GROUP_EMPTY_WAIT);
        while (true) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
                    .all()
                    .get(KAFKA_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                    .get(group);
            if (description == null || description.members().isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new RebuildRefused("Projection " + name + " is also consumed by "
                        + description.members().size()
                        + " other instance(s) of the query service; scale it down to one instance to rebuild");
            }
            Thread.sleep(250);
        }
    }

    private Status status(
            String name, Map<TopicPartition, Long> ends, Map<String, Map<String, Long>> deadLetterCounts) {
        Map<TopicPartition, Long> committed = null;
        if (ends != null) {
            try {
                committed = committedOffsets(admin(), group(name), STATUS_TIMEOUT);
            } catch (KafkaUnanswered e) {
                log.warn("Projection status of {} without Kafka's part: {}", name, e.getMessage());
            }
        }
        Long lag = null;
        if (committed != null) {
            Map<TopicPartition, Long> done = committed;
            lag = ends.entrySet().stream()
                    .mapToLong(end -> Math.max(0, end.getValue() - done.getOrDefault(end.getKey(), 0L)))
                    .sum();
        }
        MessageListenerContainer container = listeners.getListenerContainer(name);
        return new Status(
                name,
                group(name),
                container != null && container.isRunning(),
                committed == null ? "unavailable" : "available",
                lag,
                deadLetterCounts.getOrDefault(name, Map.of()),
                projections.get(name).tables(),
                lastRebuild(name, committed).orElse(null));
    }

    /** The latest rebuild; whether it has caught up is unknown (false) while Kafka does not answer. */
    private Optional<Rebuild> lastRebuild(String name, Map<TopicPartition, Long> committed) {
        return jdbc.sql("""
                        select requested_at, requested_by, target_offsets::text as targets from projection_rebuild
                         where projection = :projection order by requested_at desc, id desc limit 1""")
                .param("projection", name)
                .query((rs, n) -> {
                    Map<String, Long> targets = new HashMap<>();
                    json.readTree(rs.getString("targets"))
                            .properties()
                            .forEach(target -> targets.put(
                                    target.getKey(), target.getValue().asLong()));
                    long total =
                            targets.values().stream().mapToLong(Long::longValue).sum();
                    boolean caughtUp = committed != null
                            && targets.entrySet().stream().allMatch(target -> {
                                int partition = Integer.parseInt(target.getKey());
                                return committed.getOrDefault(new TopicPartition(properties.topic(), partition), 0L)
                                        >= target.getValue();
                            });
                    return new Rebuild(
                            rs.getTimestamp("requested_at").toInstant(), rs.getString("requested_by"), total, caughtUp);
                })
                .optional();
    }

    private String group(String name) {
        return properties.groupPrefix() + name;
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
    synchronized void closeAdmin() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
    }

    private Map<TopicPartition, Long> offsets(OffsetSpec spec, Duration timeout) {
        Admin admin = admin();
        try {
            TopicDescription topic = admin.describeTopics(List.of(properties.topic()))
                    .allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .get(properties.topic());
            Map<TopicPartition, OffsetSpec> request = topic.partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(properties.topic(), p.partition()), p -> spec));
            return admin.listOffsets(request).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS).entrySet().stream()
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnanswered("Interrupted while reading the offsets of " + properties.topic());
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaUnanswered("Kafka did not answer with the offsets of " + properties.topic() + ": " + e);
        }
    }

    private Map<TopicPartition, Long> committedOffsets(Admin admin, String group, Duration timeout) {
        try {
            return admin
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

    private static Map<String, Long> byPartition(Map<TopicPartition, Long> offsets) {
        Map<String, Long> result = new HashMap<>();
        offsets.forEach((partition, offset) -> result.put(Integer.toString(partition.partition()), offset));
        return result;
    }
}
