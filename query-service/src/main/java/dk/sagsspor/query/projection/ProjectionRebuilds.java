package dk.sagsspor.query.projection;

import dk.sagsspor.query.web.NotFound;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rebuilds read models from the beginning of the event topic while the service keeps answering from the old ones
 * (ADR 13). A rebuild of one projection, or of all of them in one pass, runs beside the live consumer: a consumer
 * group of its own reads the topic from the start and applies every record into fresh copies of the projections'
 * tables in a schema of its own ({@link RebuildSchema}: unlogged, without the indexes queries need). When it has
 * reached the topic's end as it was when the rebuild was asked for, the indexes are built, the tables logged and
 * analysed; then the live consumer pauses, the rebuild catches up with exactly the offsets the live consumer has
 * committed, and the tables and positions are swapped in one transaction. The live consumer goes on from its offsets:
 * what the rebuild applied beyond them is recognised by the positions and skipped. The pause is the time to apply the
 * records that arrived during the index build.
 *
 * <p>A rebuild is refused while other instances of the service consume the event topic (they would go on writing
 * into the old tables), and while another rebuild runs. A failed rebuild drops what it built and leaves the live read
 * models as they were; its state says why.
 */
@Component
public class ProjectionRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);
    private static final Duration KAFKA_TIMEOUT = TopicProgress.KAFKA_TIMEOUT;
    private static final Duration GROUP_EMPTY_WAIT = Duration.ofSeconds(10);
    /** How long a status page waits for Kafka before it answers without Kafka's part. */
    private static final Duration STATUS_TIMEOUT = Duration.ofSeconds(3);

    private final Map<String, Projection<?>> projections;
    private final KafkaListenerEndpointRegistry listeners;
    private final ConcurrentKafkaListenerContainerFactory<?, ?> containers;
    private final TopicProgress kafka;
    private final JdbcClient jdbc;
    private final ProjectionProperties properties;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Clock clock;
    private final DeadLetters deadLetters;
    private final Projections runner;
    private final RebuildSchema schemas;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Running running;

    ProjectionRebuilds(
            List<Projection<?>> projections,
            KafkaListenerEndpointRegistry listeners,
            ConcurrentKafkaListenerContainerFactory<?, ?> containers,
            TopicProgress kafka,
            JdbcClient jdbc,
            ProjectionProperties properties,
            JsonMapper json,
            MeterRegistry meters,
            Clock clock,
            DeadLetters deadLetters,
            Projections runner,
            RebuildSchema schemas) {
        this.deadLetters = deadLetters;
        this.projections =
                projections.stream().collect(Collectors.toMap(Projection::name, p -> p, (a, b) -> a, TreeMap::new));
        this.listeners = listeners;
        this.containers = containers;
        this.kafka = kafka;
        this.jdbc = jdbc;
        this.properties = properties;
        this.json = json;
        this.meters = meters;
        this.clock = clock;
        this.runner = runner;
        this.schemas = schemas;
    }

    /**
     * Where a projection stands: the live consumer group, whether it runs, its lag in records ({@code null} while
     * Kafka does not answer: {@code kafka} is then {@code unavailable}), its unresolved dead letters by status
     * ({@code open}, {@code held}), its tables, and its latest rebuild.
     */
    public record Status(
            String name,
            String consumerGroup,
            boolean running,
            String kafka,
            @Nullable Long lag,
            Map<String, Long> deadLetters,
            List<String> tables,
            @Nullable Rebuild lastRebuild) {}

    /**
     * A rebuild: when and by whom it was asked for, how many records it replays, its state ({@code building},
     * {@code indexing}, {@code catching-up}, {@code swapped}, {@code failed}), when it finished and why it failed;
     * {@code caughtUp} once its tables are the live ones.
     */
    public record Rebuild(
            Instant requested,
            String requestedBy,
            long eventsToReplay,
            String state,
            @Nullable Instant finished,
            @Nullable String detail,
            boolean caughtUp) {}

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

    /** A rebuild under way: its projections, schema, consumer group and container, and its rows. */
    private record Running(
            List<Projection<?>> projections,
            String schema,
            String group,
            Map<TopicPartition, Long> targets,
            List<Long> rows,
            ConcurrentMessageListenerContainer<?, ?> container) {

        List<String> names() {
            return projections.stream().map(Projection::name).toList();
        }

        List<String> tables() {
            return projections.stream().flatMap(p -> p.tables().stream()).toList();
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
            return kafka.endOffsets(STATUS_TIMEOUT);
        } catch (KafkaUnanswered e) {
            log.warn("Projection status without Kafka's part: {}", e.getMessage());
            return null;
        }
    }

    /** Rebuilds the named projection from the beginning of the topic; answers its status right after the start. */
    public Status rebuild(String name, String requestedBy) {
        start(List.of(requireKnown(name)), requestedBy);
        return status(name);
    }

    /** Rebuilds every projection in one pass from the beginning of the topic; answers their status. */
    public List<Status> rebuildAll(String requestedBy) {
        start(List.copyOf(projections.values()), requestedBy);
        return status();
    }

    private synchronized void start(List<Projection<?>> targets, String requestedBy) {
        if (running != null) {
            throw new RebuildRefused("A rebuild of " + running.names() + " is under way; ask again when it is done");
        }
        MessageListenerContainer live = liveContainer();
        List<String> names = targets.stream().map(Projection::name).toList();
        try {
            requireNoOtherConsumers(live, names);
            Map<TopicPartition, Long> ends = kafka.endOffsets(KAFKA_TIMEOUT);
            String schema = RebuildSchema.name(names);
            Instant now = clock.instant();
            String group = properties.groupPrefix() + "rebuild." + schema + "." + now.toEpochMilli();
            List<Long> rows = new ArrayList<>();
            for (String name : names) {
                rows.add(jdbc.sql("""
                                insert into projection_rebuild (projection, requested_at, requested_by, target_offsets, state,
                                                                consumer_group)
                                values (:projection, :time, :by, cast(:offsets as jsonb), 'building', :group)
                                returning id""")
                        .param("projection", name)
                        .param("group", group)
                        .param("time", Timestamp.from(now))
                        .param("by", requestedBy)
                        .param("offsets", json.writeValueAsString(byPartition(ends)))
                        .query(Long.class)
                        .single());
            }
            schemas.create(
                    schema,
                    targets.stream().flatMap(p -> p.tables().stream()).toList(),
                    targets.stream().flatMap(p -> p.writeIndexes().stream()).toList());
            Scope scope = new Scope(targets, schema);
            ConcurrentMessageListenerContainer<?, ?> container = containers.createContainer(properties.topic());
            container.getContainerProperties().setGroupId(group);
            container.getContainerProperties().setClientId("query-service-" + schema);
            container.setBeanName(schema);
            container.setupMessageListener(
                    (BatchMessageListener<String, byte[]>) records -> runner.apply(scope, records));
            running = new Running(targets, schema, group, ends, rows, container);
            container.start();
            meters.counter("sagsspor.projection.rebuilds", "projection", String.join(",", names))
                    .increment();
            log.info(
                    "Rebuilding {} (asked by {}) into schema {} with consumer group {}; {} events to replay",
                    names,
                    requestedBy,
                    schema,
                    group,
                    ends.values().stream().mapToLong(Long::longValue).sum());
            Running rebuild = running;
            worker.execute(() -> complete(rebuild));
        } catch (KafkaUnanswered | RebuildRefused e) {
            throw e;
        } catch (RuntimeException e) {
            abandon(e);
            throw e;
        }
    }

    /**
     * Waits for the rebuild to reach its target offsets, finishes its tables, pauses the live consumer, lets the
     * rebuild catch up with the live consumer's offsets, swaps, and starts the live consumer again.
     */
    private void complete(Running rebuild) {
        MessageListenerContainer live = liveContainer();
        try {
            kafka.awaitCommitted(rebuild.group(), rebuild.targets());
            state(rebuild, "indexing", null);
            schemas.finish(
                    rebuild.schema(),
                    rebuild.tables(),
                    rebuild.projections().stream()
                            .flatMap(p -> p.writeIndexes().stream())
                            .toList());
            state(rebuild, "catching-up", null);
            live.stop();
            try {
                requireNoOtherConsumers(null, rebuild.names());
                Map<TopicPartition, Long> liveOffsets =
                        kafka.committedOffsets(ProjectionListeners.group(properties), KAFKA_TIMEOUT);
                kafka.awaitCommitted(rebuild.group(), liveOffsets);
                rebuild.container().stop();
                schemas.swap(rebuild.schema(), rebuild.tables(), rebuild.names());
            } finally {
                live.start();
            }
            // shown swapped only once it is over: whoever reads "swapped" may ask for the next rebuild at once
            synchronized (this) {
                state(rebuild, "swapped", null);
                running = null;
            }
            log.info("Rebuilt {} and swapped its tables in", rebuild.names());
            kafka.forget(rebuild.group());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(e);
        } catch (RuntimeException e) {
            abandon(e);
        }
    }

    /**
     * Records the rebuilds that a stopped service left in progress as failed, and drops their tables: a rebuild in
     * progress whose consumer group has no members is run by no instance. Done when the service is ready; while Kafka
     * does not answer, left for the next start (the status goes on showing them in progress).
     */
    @EventListener(ApplicationReadyEvent.class)
    public synchronized void endInterruptedRebuilds() {
        String current = running == null ? null : running.group();
        List<String> groups = jdbc.sql("""
                        select distinct consumer_group from projection_rebuild
                         where state in ('building', 'indexing', 'catching-up') and consumer_group is not null""").query(String.class).list();
        for (String group : groups) {
            if (group.equals(current)) {
                continue;
            }
            try {
                if (!kafka.memberClients(group, STATUS_TIMEOUT).isEmpty()) {
                    continue;
                }
            } catch (KafkaUnanswered e) {
                log.warn("Cannot tell whether rebuild group {} still runs: {}", group, e.getMessage());
                continue;
            }
            // <prefix>rebuild.<schema>.<millis>: the schema is the part between the last two dots
            int last = group.lastIndexOf('.');
            String schema = group.substring(group.lastIndexOf('.', last - 1) + 1, last);
            if (schema.startsWith("rebuild_")) {
                schemas.drop(schema);
            }
            jdbc.sql("""
                            update projection_rebuild
                               set state = 'failed', finished_at = :time,
                                   detail = 'interrupted: the service running it stopped before it was done'
                             where consumer_group = :group and state in ('building', 'indexing', 'catching-up')""")
                    .param("time", Timestamp.from(clock.instant()))
                    .param("group", group)
                    .update();
            kafka.forget(group);
            log.warn("A rebuild ({}) was left unfinished by a service that stopped: recorded as failed", group);
        }
    }

    /** Stops a failed rebuild, drops what it built and records why; the live read models stay as they were. */
    private synchronized void abandon(Exception cause) {
        Running rebuild = running;
        running = null;
        if (rebuild == null) {
            return;
        }
        log.error("Rebuild of {} failed; its tables are dropped", rebuild.names(), cause);
        try {
            state(rebuild, "failed", String.valueOf(cause.getMessage()));
        } catch (RuntimeException e) {
            log.error("Could not record that the rebuild of {} failed", rebuild.names(), e);
        }
        try {
            rebuild.container().stop();
            schemas.drop(rebuild.schema());
            kafka.forget(rebuild.group());
        } catch (RuntimeException e) {
            log.error("Could not clean up after the failed rebuild of {}", rebuild.names(), e);
        }
        MessageListenerContainer live = liveContainer();
        if (!live.isRunning()) {
            live.start();
        }
    }

    private void state(Running rebuild, String state, String detail) {
        boolean done = state.equals("swapped") || state.equals("failed");
        jdbc.sql("""
                        update projection_rebuild set state = :state, detail = :detail,
                               finished_at = case when :done then cast(:time as timestamptz) end
                         where id = any(:ids)""")
                .param("state", state)
                .param("detail", detail)
                .param("done", done)
                .param("time", Timestamp.from(clock.instant()))
                .param("ids", rebuild.rows().toArray(Long[]::new))
                .update();
    }

    @PreDestroy
    void stopRebuild() {
        worker.shutdownNow();
        Running rebuild = running;
        if (rebuild != null) {
            rebuild.container().stop();
        }
    }

    private MessageListenerContainer liveContainer() {
        MessageListenerContainer container = listeners.getListenerContainer(ProjectionListeners.LISTENER);
        if (container == null) {
            throw new RebuildRefused("The read models' listener is not registered");
        }
        return container;
    }

    private Projection<?> requireKnown(String name) {
        Projection<?> projection = projections.get(name);
        if (projection == null) {
            throw new NotFound("projection", name);
        }
        return projection;
    }

    /**
     * Refuses when consumers other than the live container's own (given, or none while it is stopped) are in the live
     * group: other instances of the service, which would go on writing into the old tables.
     */
    private void requireNoOtherConsumers(MessageListenerContainer own, List<String> names) {
        Set<String> ownClients = own == null ? Set.of() : own.metrics().keySet();
        String group = ProjectionListeners.group(properties);
        Instant deadline = clock.instant().plus(GROUP_EMPTY_WAIT);
        while (true) {
            long others = kafka.memberClients(group, KAFKA_TIMEOUT).stream()
                    .filter(client -> !ownClients.contains(client))
                    .count();
            if (others == 0) {
                return;
            }
            if (clock.instant().isAfter(deadline)) {
                throw new RebuildRefused("The read models are also consumed by " + others
                        + " other instance(s) of the query service; scale it down to one instance to rebuild " + names);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaUnanswered("Interrupted while looking at consumer group " + group);
            }
        }
    }

    private Status status(
            String name, Map<TopicPartition, Long> ends, Map<String, Map<String, Long>> deadLetterCounts) {
        String group = ProjectionListeners.group(properties);
        Map<TopicPartition, Long> committed = null;
        if (ends != null) {
            try {
                committed = kafka.committedOffsets(group, STATUS_TIMEOUT);
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
        MessageListenerContainer container = listeners.getListenerContainer(ProjectionListeners.LISTENER);
        return new Status(
                name,
                group,
                container != null && container.isRunning(),
                committed == null ? "unavailable" : "available",
                lag,
                deadLetterCounts.getOrDefault(name, Map.of()),
                projections.get(name).tables(),
                lastRebuild(name).orElse(null));
    }

    /** The latest rebuild of the projection. */
    private Optional<Rebuild> lastRebuild(String name) {
        return jdbc.sql("""
                        select requested_at, requested_by, target_offsets::text as targets, state, finished_at, detail
                          from projection_rebuild
                         where projection = :projection order by requested_at desc, id desc limit 1""")
                .param("projection", name)
                .query((rs, n) -> {
                    long total = 0;
                    for (var target : json.readTree(rs.getString("targets")).properties()) {
                        total += target.getValue().asLong();
                    }
                    Timestamp finished = rs.getTimestamp("finished_at");
                    String state = rs.getString("state");
                    return new Rebuild(
                            rs.getTimestamp("requested_at").toInstant(),
                            rs.getString("requested_by"),
                            total,
                            state,
                            finished == null ? null : finished.toInstant(),
                            rs.getString("detail"),
                            state.equals("swapped"));
                })
                .optional();
    }

    private static Map<String, Long> byPartition(Map<TopicPartition, Long> offsets) {
        Map<String, Long> result = new HashMap<>();
        offsets.forEach((partition, offset) -> result.put(Integer.toString(partition.partition()), offset));
        return result;
    }
}
