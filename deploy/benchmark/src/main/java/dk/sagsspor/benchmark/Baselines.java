package dk.sagsspor.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the raw engines do on this machine in the same run: single-row inserts of an event-shaped row into PostgreSQL
 * (one transaction each, as every command is), and Kafka's producer rate, consumer rate and end-to-end latency for
 * 1 KB records on the same broker the services use.
 */
final class Baselines {

    /** One round of baselines. */
    record Round(
            double postgresInsertsPerSecond,
            double kafkaProducedPerSecond,
            double kafkaConsumedPerSecond,
            double kafkaEndToEndP50Ms,
            double kafkaEndToEndP99Ms,
            double postgresSelectP99Ms,
            double postgresCpuMsPerInsert) {}

    private final String database;
    private final String bootstrap;

    Baselines(String database, String bootstrap) {
        this.database = database;
        this.bootstrap = bootstrap;
    }

    Round round(Duration each, Observe observe) throws Exception {
        double cpuBefore = observe.cpuSeconds().getOrDefault("postgres", 0.0);
        long rowsBefore = rows;
        double inserts = postgresInserts(each, 8);
        Thread.sleep(1000); // the baseline's backends have ended and been reaped: their CPU is the postmaster's now
        double cpuPerInsert = (observe.cpuSeconds().getOrDefault("postgres", 0.0) - cpuBefore) * 1000.0
                / Math.max(1, rows - rowsBefore);
        double select = postgresSelectP99(Duration.ofSeconds(3));
        String topic = "bench.baseline." + UUID.randomUUID();
        createTopic(topic);
        long[] produced = new long[1];
        double producedPerSecond = produce(topic, each, produced);
        double consumed = consume(topic, produced[0]);
        double[] latency = endToEnd("bench.latency." + UUID.randomUUID(), 1000, each);
        return new Round(inserts, producedPerSecond, consumed, latency[0], latency[1], select, cpuPerInsert);
    }

    private long rows;

    /** p99 (ms) of reading one event-shaped row by its key, one connection, back to back. */
    double postgresSelectP99(Duration duration) throws Exception {
        Histogram latency = new Histogram(60_000_000L, 3);
        try (Connection connection = DriverManager.getConnection(database, "sagsspor", "");
                PreparedStatement select = connection.prepareStatement(
                        "select * from baseline_event where global_index = ?")) {
            long max;
            try (var rs = connection.createStatement().executeQuery("select max(global_index) from baseline_event")) {
                rs.next();
                max = Math.max(1, rs.getLong(1));
            }
            long end = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < end) {
                long start = System.nanoTime();
                select.setLong(1, 1 + ThreadLocalRandom.current().nextLong(max));
                try (var rs = select.executeQuery()) {
                    while (rs.next()) {
                        rs.getBytes("payload");
                    }
                }
                latency.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
            }
        }
        return latency.getValueAtPercentile(99) / 1000.0;
    }

    /** Rows per second, {@code threads} connections each inserting one row per transaction, as fast as they can. */
    double postgresInserts(Duration duration, int threads) throws Exception {
        try (Connection connection = DriverManager.getConnection(database, "sagsspor", "");
                Statement statement = connection.createStatement()) {
            statement.execute("""
                    create table if not exists baseline_event (
                        global_index bigserial primary key, event_identifier text not null unique,
                        aggregate_identifier text not null, sequence_number bigint not null, type text,
                        time_stamp text not null, payload_type text not null, payload_revision text,
                        payload bytea not null, meta_data bytea, unique (aggregate_identifier, sequence_number))""");
        }
        byte[] payload = new byte[600];
        byte[] metaData = new byte[200];
        ThreadLocalRandom.current().nextBytes(payload);
        ThreadLocalRandom.current().nextBytes(metaData);
        AtomicLong rows = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                try (Connection connection = DriverManager.getConnection(database, "sagsspor", "");
                        PreparedStatement insert = connection.prepareStatement("""
                                insert into baseline_event (event_identifier, aggregate_identifier, sequence_number, type,
                                    time_stamp, payload_type, payload_revision, payload, meta_data)
                                values (?, ?, 0, 'AgendaItem', ?, 'dk.sagsspor.events.agendaitem.AgendaItemRevised',
                                        null, ?, ?)""")) {
                    while (System.nanoTime() < end) {
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, UUID.randomUUID().toString());
                        insert.setString(3, java.time.Instant.now().toString());
                        insert.setBytes(4, payload);
                        insert.setBytes(5, metaData);
                        insert.executeUpdate();
                        rows.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        this.rows += rows.get();
        return rows.get() / ((System.nanoTime() - start) / 1e9);
    }

    private void createTopic(String topic) throws Exception {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(properties)) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 2,
                // a record not acknowledged within 30 s counts as lost rather than holding the run up
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench.baseline." + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    }

    /** 1 KB records, keyed by 1,000 aggregate ids, as fast as the producer takes them (acks=all, idempotent). */
    double produce(String topic, Duration duration, long[] acknowledged) throws Exception {
        byte[] value = new byte[1024];
        long count = 0;
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        AtomicLong acks = new AtomicLong();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            ready(producer, topic);
            start = System.nanoTime();
            end = start + duration.toNanos();
            while (System.nanoTime() < end) {
                producer.send(new ProducerRecord<>(topic, "aggregate-" + (count % 1000), value), (metadata, error) -> {
                    if (error == null) {
                        acks.incrementAndGet();
                    }
                });
                count++;
            }
            producer.flush();
        }
        acknowledged[0] = acks.get();
        count = acks.get();
        return count / ((System.nanoTime() - start) / 1e9);
    }

    /** Records per second reading the whole topic ({@code expected} records) back from the start; at most 60 s. */
    double consume(String topic, long expected) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            long count = 0;
            long start = 0;
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (count < expected && System.nanoTime() < deadline) {
                var records = consumer.poll(Duration.ofMillis(200));
                if (!records.isEmpty() && start == 0) {
                    start = System.nanoTime();
                }
                count += records.count();
            }
            return start == 0 ? 0 : count / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** p50 and p99 (ms) from send to receipt of 1 KB records sent at {@code rate} per second. */
    /**
     * One acknowledged record per partition before a measurement: sent at full speed the moment a topic is created,
     * the idempotent producer once had its first batch appended but not acknowledged, retried it as sequence 0 and was
     * refused (OutOfOrderSequenceException in the broker's log) until its batches timed out — the "~750/s" producer
     * rounds of earlier runs. Consumers skip these records by their key.
     */
    private static void ready(KafkaProducer<String, byte[]> producer, String topic) throws Exception {
        for (int partition = 0; partition < producer.partitionsFor(topic).size(); partition++) {
            producer.send(new ProducerRecord<>(topic, partition, WARM_UP, new byte[1024])).get();
        }
    }

    private static final String WARM_UP = "warm-up";

    double[] endToEnd(String topic, int rate, Duration duration) throws Exception {
        createTopic(topic);
        Histogram latency = new ConcurrentHistogram(60_000_000L, 3);
        long total = rate * duration.toSeconds();
        try (KafkaConsumer<String, byte[]> consumer = consumer();
                KafkaProducer<String, byte[]> producer = producer()) {
            consumer.subscribe(List.of(topic));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            ready(producer, topic);
            Thread sender = new Thread(() -> {
                long start = System.nanoTime();
                for (long i = 0; i < total; i++) {
                    long due = start + i * 1_000_000_000L / rate;
                    while (System.nanoTime() < due) {
                        LockSupport.parkNanos(50_000);
                    }
                    byte[] value = new byte[1024];
                    java.nio.ByteBuffer.wrap(value).putLong(System.nanoTime());
                    producer.send(new ProducerRecord<>(topic, "aggregate-" + (i % 1000), value));
                }
            });
            sender.start();
            long received = 0;
            long deadline = System.nanoTime() + duration.toNanos() + 30_000_000_000L;
            while (received < total && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    if (WARM_UP.equals(record.key())) {
                        continue;
                    }
                    long sent = java.nio.ByteBuffer.wrap(record.value()).getLong();
                    latency.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                    received++;
                }
            }
            sender.join();
        }
        return new double[] {latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0};
    }
}
