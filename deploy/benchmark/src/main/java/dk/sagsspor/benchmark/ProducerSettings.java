package dk.sagsspor.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The relay's producer settings, measured on their own against a broker of the one-machine kind: for each linger and
 * compression, the relay's two ways of sending — one event at a time, each waited for (the relay at the benchmark's
 * rates: a batch of one or two events per wake-up), and batches of 100 (its {@code batch-size}) each waited for
 * before the next (catching up after a Kafka outage or a restart) — with the same records the relay sends
 * (CloudEvents binary mode, the events' JSON), {@code acks=all}, idempotent, as the command service's producer.
 * Reported: acknowledgement latency, events/s, CPU of this process (the producer) and of the broker per 1,000 events,
 * and bytes on the broker's disk per event.
 *
 * <p>{@code java … ProducerSettings <bootstrap> <broker pid> <result.json>}
 */
final class ProducerSettings {

    private static final int PARTITIONS = 6;
    private static final int SINGLES = 1_000;
    private static final int BATCH = 100;
    private static final int BATCHES = 1_000;

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        long broker = Long.parseLong(args[1]);
        Path out = Path.of(args[2]);
        List<Map<String, Object>> results = new ArrayList<>();
        Properties adminConfig = new Properties();
        adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(adminConfig)) {
            // one unmeasured round first: the producer's and the broker's code paths compiled before any is measured
            measure(admin, bootstrap, broker, 2, "none", "warm-up");
            for (String compression : List.of("none", "lz4", "zstd")) {
                for (int linger : List.of(0, 2, 5, 20)) {
                    Map<String, Object> result = measure(admin, bootstrap, broker, linger, compression, "measured");
                    results.add(result);
                    System.out.printf(
                            "linger %2d ms, %-4s: one at a time p50 %5.2f ms p99 %5.2f ms | batches of %d: %,7.0f events/s,"
                                    + " producer %5.1f + broker %5.1f CPU ms per 1,000 events, %4.0f bytes on disk per event%n",
                            linger,
                            compression,
                            result.get("singleP50Ms"),
                            result.get("singleP99Ms"),
                            BATCH,
                            result.get("batchedEventsPerSecond"),
                            result.get("producerCpuMsPer1000"),
                            result.get("brokerCpuMsPer1000"),
                            result.get("diskBytesPerEvent"));
                }
            }
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(
                out,
                JsonMapper.builder()
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .build()
                        .writeValueAsString(Map.of("started", Instant.now().toString(), "settings", results)));
        System.out.println("results in " + out);
    }

    private static Map<String, Object> measure(
            Admin admin, String bootstrap, long broker, int linger, String compression, String round)
            throws Exception {
        String topic = "producer-settings-" + round + "-" + compression + "-" + linger + "-" + UUID.randomUUID();
        admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, linger,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, compression,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("lingerMs", linger);
        result.put("compression", compression);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            producer.partitionsFor(topic);
            Histogram single = new Histogram(3);
            Instant time = Instant.now();
            for (int i = 0; i < SINGLES; i++) {
                long start = System.nanoTime();
                producer.send(Rebuild.record(topic, Rebuild.event(UUID.randomUUID().toString(), i, 0), 0, time))
                        .get();
                single.recordValue((System.nanoTime() - start) / 1_000);
            }
            result.put("singleP50Ms", single.getValueAtPercentile(50) / 1000.0);
            result.put("singleP99Ms", single.getValueAtPercentile(99) / 1000.0);

            long producerBefore = Observe.ticks(ProcessHandle.current().pid());
            long brokerBefore = Observe.ticks(broker);
            long start = System.nanoTime();
            int item = 0;
            for (int batch = 0; batch < BATCHES; batch++) {
                List<CompletableFuture<?>> acks = new ArrayList<>(BATCH);
                for (int i = 0; i < BATCH; i += 10) {
                    String id = UUID.randomUUID().toString();
                    item++;
                    for (int sequence = 0; sequence < 10; sequence++) {
                        CompletableFuture<Object> ack = new CompletableFuture<>();
                        producer.send(
                                Rebuild.record(topic, Rebuild.event(id, item, sequence), sequence, time),
                                (metadata, error) -> {
                                    if (error == null) {
                                        ack.complete(metadata);
                                    } else {
                                        ack.completeExceptionally(error);
                                    }
                                });
                        acks.add(ack);
                    }
                }
                CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double events = (double) BATCHES * BATCH;
            result.put("batchedEventsPerSecond", events / seconds);
            result.put(
                    "producerCpuMsPer1000",
                    (Observe.ticks(ProcessHandle.current().pid()) - producerBefore) * 10.0 / (events / 1000));
            result.put("brokerCpuMsPer1000", (Observe.ticks(broker) - brokerBefore) * 10.0 / (events / 1000));
        }
        result.put("diskBytesPerEvent", (double) diskBytes(admin, topic) / (SINGLES + BATCHES * BATCH));
        admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        return result;
    }

    private static long diskBytes(Admin admin, String topic) throws Exception {
        long bytes = 0;
        int brokerId = admin.describeCluster().nodes().get().iterator().next().id();
        Map<Integer, Map<String, LogDirDescription>> dirs =
                admin.describeLogDirs(List.of(brokerId)).allDescriptions().get();
        for (Map<String, LogDirDescription> byDir : dirs.values()) {
            for (LogDirDescription dir : byDir.values()) {
                for (var replica : dir.replicaInfos().entrySet()) {
                    if (replica.getKey().topic().equals(topic)) {
                        bytes += replica.getValue().size();
                    }
                }
            }
        }
        return bytes;
    }
}
