package dk.sagsspor.benchmark;

import dk.sagsspor.events.EventCatalog;
import dk.sagsspor.events.EventEnvelope;
import dk.sagsspor.events.SagssporEvent;
import dk.sagsspor.events.agendaitem.AgendaItemProposed;
import dk.sagsspor.events.agendaitem.AgendaItemRevised;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * M3: how fast the read models are rebuilt from Kafka alone. Writes {@code events} events to a topic of its own, in the
 * relay's exact format (CloudEvents headers, the events' JSON) — the realistic mix of {@link Mix}: meetings, their
 * agendas and items through their lives, follow-ups, staff — and starts a second query service from its jar on an empty database, reading that topic with consumer groups of its
 * own. Measured from its first committed offset to its live consumer group being at the topic's end.
 */
final class Rebuild {

    /**
     * What M3 measured: events, consumer groups, seconds, events/s, the rebuilding service's CPU seconds and
     * PostgreSQL's for its database (backends of that database, from their first committed offset to caught up).
     */
    record Result(
            long events,
            int projections,
            double seconds,
            double eventsPerSecond,
            double cpuSeconds,
            double postgresCpuSeconds) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ServiceJar services;
    private final String bootstrap;
    private final String postgres;
    private final Path queryJar;
    private final Path logs;

    Rebuild(ServiceJar services, Path queryJar) {
        this.services = services;
        this.bootstrap = services.bootstrap();
        this.postgres = services.postgres();
        this.queryJar = queryJar;
        this.logs = services.logs();
    }

    Result run(long events, String token, Observe observe) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String topic = "bench.rebuild." + run;
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(properties)) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
        }
        System.out.printf("  writing %,d events to %s%n", events, topic);
        write(topic, events);
        String database = "sagsspor_rebuild_" + run;
        services.createDatabase(database);
        boolean statements = Statements.reset(postgres + database);
        int port = 8092;
        Process service = services.start(
                queryJar,
                port,
                database,
                List.of(
                        "--sagsspor.projection.topic=" + topic,
                        "--sagsspor.projection.dead-letter-topic=" + topic + ".dlt",
                        "--sagsspor.projection.group-prefix=bench.rebuild." + run + "."),
                "rebuild-query-service.log");
        try {
            String prefix = "bench.rebuild." + run + ".";
            long firstProgress = 0;
            long appliedAtStart = 0;
            double cpuAtStart = 0;
            double postgresAtStart = 0;
            long applied = 0;
            while (true) {
                if (!service.isAlive()) {
                    throw new IllegalStateException("the rebuild's query service stopped; see its log in " + logs);
                }
                // done when the live group ("read-models") is at the topic's end
                Map<String, Long> lag = observe.consumerLag(topic, prefix);
                applied = Math.max(
                        applied,
                        events - lag.values().stream().mapToLong(Long::longValue).min().orElse(events));
                if (firstProgress == 0 && applied > 0) {
                    firstProgress = System.nanoTime();
                    appliedAtStart = applied;
                    cpuAtStart = cpu(service.pid());
                    postgresAtStart = observe.cpuSeconds().getOrDefault("postgres/" + database, 0.0);
                    System.out.printf("  building the read models (consumer groups %s)%n", lag.keySet());
                }
                if (firstProgress != 0 && lag.getOrDefault("read-models", -1L) == 0) {
                    double seconds = (System.nanoTime() - firstProgress) / 1e9;
                    Result result = new Result(
                            events,
                            1,
                            seconds,
                            (events - appliedAtStart) / seconds,
                            cpu(service.pid()) - cpuAtStart,
                            observe.cpuSeconds().getOrDefault("postgres/" + database, 0.0) - postgresAtStart);
                    if (statements) {
                        Statements.write(postgres + database, database, logs.resolve("m3-statements.txt"));
                        System.out.println("  the rebuild's costliest statements in " + logs.resolve("m3-statements.txt"));
                    }
                    try {
                        Explain.write(postgres + database, logs.resolve("m3-explain.txt"));
                        System.out.println("  plans of the list queries on the rebuilt data in "
                                + logs.resolve("m3-explain.txt"));
                    } catch (Exception e) {
                        System.out.println("  no plans of the list queries: " + e);
                    }
                    return result;
                }
                if (firstProgress != 0) {
                    System.out.printf("  %,d of %,d events applied (%s)%n", applied, events, lag);
                }
                Thread.sleep(firstProgress == 0 ? 200 : 5000);
            }
        } finally {
            service.destroy();
            service.waitFor();
        }
    }

    private static double cpu(long pid) {
        return Observe.ticks(pid) / 100.0;
    }

    private void write(String topic, long events) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        Instant time = Instant.now().minusSeconds(86_400);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            long written = 0;
            for (int cycle = 0; written < events; cycle++) {
                for (Mix.Event event : Mix.cycle(cycle)) {
                    if (written == events) {
                        break;
                    }
                    producer.send(record(
                            topic, event.event(), event.aggregateType(), event.sequence(), time.plusMillis(written)));
                    written++;
                }
            }
            producer.flush();
        }
    }

    /** Event {@code sequence} (0–9) of item number {@code item}: proposed, then revised nine times. */
    static SagssporEvent event(String id, int item, int sequence) {
        return sequence == 0
                ? new AgendaItemProposed(
                        id,
                        "KKR Rebuild " + (item % 10),
                        "Punkt " + item,
                        "SAG-2027-" + String.format("%05d", item % 100_000),
                        List.of("hast"),
                        "Baggrund for punkt " + item + ".",
                        "Det indstilles, at udvalget godkender punkt " + item + ".",
                        null,
                        List.of(),
                        false)
                : new AgendaItemRevised(
                        id,
                        "Punkt " + item,
                        "SAG-2027-" + String.format("%05d", item % 100_000),
                        List.of("hast"),
                        "Baggrund for punkt " + item + ".",
                        "Det indstilles, at udvalget godkender punkt " + item + ".",
                        "Sagsfremstilling, version " + sequence + ".",
                        List.of(),
                        List.of("presentation"));
    }

    /** The record the relay would send for the event: CloudEvents binary mode, the event's JSON as the value. */
    static ProducerRecord<String, byte[]> record(String topic, SagssporEvent event, long sequence, Instant time) {
        return record(topic, event, "AgendaItem", sequence, time);
    }

    /** The same for an event of any aggregate type ({@code AgendaItem}, {@code Meeting}, {@code StaffMember}). */
    static ProducerRecord<String, byte[]> record(
            String topic, SagssporEvent event, String aggregateType, long sequence, Instant time) {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(topic, event.aggregateId(), JSON.writeValueAsBytes(event));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_source", "/sagsspor/command-service");
        header(record, "ce_type", EventCatalog.typeOf(event.getClass()));
        header(record, "ce_subject", event.aggregateId());
        header(record, "ce_time", time.toString());
        header(record, "ce_" + EventEnvelope.AGGREGATE_TYPE, aggregateType);
        header(record, "ce_" + EventEnvelope.SEQUENCE, Long.toString(sequence));
        header(record, "ce_" + EventEnvelope.ACTOR, "benchmark");
        header(record, "ce_" + EventEnvelope.OCCURRED_AT, time.toString());
        header(record, "content-type", "application/json");
        return record;
    }

    private static void header(ProducerRecord<?, ?> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
