package dk.sagsspor.query.projection;

import dk.sagsspor.query.web.NotFound;
import io.micrometer.core.instrument.MeterRegistry;
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

    private final Map<String, Projection<?>> projections;
    private final KafkaListenerEndpointRegistry listeners;
    private final KafkaAdmin kafkaAdmin;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ProjectionProperties properties;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Clock clock;

    ProjectionRebuilds(
            List<Projection<?>> projections,
            KafkaListenerEndpointRegistry listeners,
            KafkaAdmin kafkaAdmin,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            ProjectionProperties properties,
            JsonMapper json,
            MeterRegistry meters,
            Clock clock) {
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

    /** Where a projection stands: its consumer group, whether it runs, its lag, and its latest rebuild. */
    public record Status(
            String name, String consumerGroup, boolean running, long lag, List<String> tables, Rebuild lastRebuild) {}

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

    /** Every projection's status, by name. */
    public List<Status> status() {
        try (Admin admin = admin()) {
            Map<TopicPartition, Long> ends = endOffsets(admin);
            return projections.keySet().stream()
                    .sorted()
                    .map(name -> status(admin, name, ends))
                    .toList();
        }
    }

    /** One projection's status. */
    public Status status(String name) {
        requireKnown(name);
        try (Admin admin = admin()) {
            return status(admin, name, endOffsets(admin));
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
        try (Admin admin = admin()) {
            awaitNoOtherConsumers(admin, name, group);
            Map<TopicPartition, Long> ends = endOffsets(admin);
            Map<TopicPartition, OffsetAndMetadata> starts = new HashMap<>();
            earliestOffsets(admin).forEach((partition, offset) -> starts.put(partition, new OffsetAndMetadata(offset)));
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

    private Status status(Admin admin, String name, Map<TopicPartition, Long> ends) {
        Map<TopicPartition, Long> committed = committedOffsets(admin, group(name));
        long lag = ends.entrySet().stream()
                .mapToLong(end -> Math.max(0, end.getValue() - committed.getOrDefault(end.getKey(), 0L)))
                .sum();
        MessageListenerContainer container = listeners.getListenerContainer(name);
        return new Status(
                name,
                group(name),
                container != null && container.isRunning(),
                lag,
                projections.get(name).tables(),
                lastRebuild(name, committed).orElse(null));
    }

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
                    boolean caughtUp = targets.entrySet().stream().allMatch(target -> {
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

    private Admin admin() {
        return Admin.create(kafkaAdmin.getConfigurationProperties());
    }

    private Map<TopicPartition, Long> endOffsets(Admin admin) {
        return offsets(admin, OffsetSpec.latest());
    }

    private Map<TopicPartition, Long> earliestOffsets(Admin admin) {
        return offsets(admin, OffsetSpec.earliest());
    }

    private Map<TopicPartition, Long> offsets(Admin admin, OffsetSpec spec) {
        try {
            TopicDescription topic = admin.describeTopics(List.of(properties.topic()))
                    .allTopicNames()
                    .get(KAFKA_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                    .get(properties.topic());
            Map<TopicPartition, OffsetSpec> request = topic.partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(properties.topic(), p.partition()), p -> spec));
            return admin.listOffsets(request).all().get(KAFKA_TIMEOUT.toSeconds(), TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnanswered("Interrupted while reading the offsets of " + properties.topic());
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaUnanswered("Kafka did not answer with the offsets of " + properties.topic() + ": " + e);
        }
    }

    private Map<TopicPartition, Long> committedOffsets(Admin admin, String group) {
        try {
            return admin
                    .listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(KAFKA_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
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
