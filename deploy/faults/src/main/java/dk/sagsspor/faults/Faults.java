package dk.sagsspor.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The fault-injection suite: against the one-machine stack that run.sh started, each experiment runs the load of
 * {@link Load}, does something bad to a real process at a set moment (kills it, stops it, refuses its connections,
 * puts poison on its topic), undoes it, and then checks with {@link Checks} that nothing acknowledged was lost or
 * stored twice and that every read model caught up with the store by itself. Writes {@code <name>.json} per
 * experiment, {@code result.json} and {@code report.md} into the output folder; exits 1 if any experiment failed.
 */
public final class Faults {

    private final String root = System.getProperty("faults.root");
    private final String commands = System.getProperty("faults.commands");
    private final String queries = System.getProperty("faults.queries");
    private final String postgres = System.getProperty("faults.postgres");
    private final String kafka = System.getProperty("faults.kafka");
    private final String mail = System.getProperty("faults.mail");
    private final Path out = Path.of(System.getProperty("faults.out"));
    private final boolean quick = Boolean.getBoolean("faults.quick");
    private final double rate = Double.parseDouble(System.getProperty("faults.rate", "10"));
    private final Checks checks;
    private long expectedDeadLetters;

    private Faults() {
        this.checks = new Checks(postgres);
    }

    public static void main(String[] args) throws Exception {
        Faults faults = new Faults();
        String wanted = System.getProperty("faults.experiments", "");
        List<Experiment> experiments = faults.experiments().stream()
                .filter(e -> wanted.isBlank() ? (!faults.quick || e.quick()) : List.of(wanted.split(",")).contains(e.name()))
                .toList();
        Files.createDirectories(faults.out);
        List<Map<String, Object>> results = new ArrayList<>();
        for (Experiment experiment : experiments) {
            System.out.printf("[faults] %s: %s%n", experiment.name(), experiment.description());
            Map<String, Object> result = faults.run(experiment);
            results.add(result);
            Files.writeString(
                    faults.out.resolve(experiment.name() + ".json"),
                    Client.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
            System.out.printf("[faults] %s: %s%n", experiment.name(), result.get("verdict"));
        }
        Files.writeString(
                faults.out.resolve("result.json"),
                Client.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
        Files.writeString(faults.out.resolve("report.md"), report(results));
        long failed = results.stream().filter(r -> !"passed".equals(r.get("verdict"))).count();
        System.out.printf("%d passed, %d failed%n", results.size() - failed, failed);
        System.exit(failed == 0 ? 0 : 1);
    }

    /** An experiment: its fault (and how to undo it), when it strikes in the load, and what it should leave behind. */
    record Experiment(
            String name,
            String description,
            boolean quick,
            Duration load,
            Duration faultAt,
            Fault fault,
            long deadLettersItLeaves) {}

    @FunctionalInterface
    interface Fault {
        void strike(Faults faults, Load load) throws Exception;
    }

    private List<Experiment> experiments() {
        Duration load = Duration.ofSeconds(quick ? 25 : 90);
        Duration at = Duration.ofSeconds(quick ? 6 : 20);
        Duration shortOutage = Duration.ofSeconds(quick ? 10 : 60);
        int kills = quick ? 1 : 3;
        return List.of(
                new Experiment("kafka-killed", "Kafka killed (SIGKILL), restarted after " + shortOutage.toSeconds()
                        + " s", true, load, at, (f, l) -> f.down("kafka", shortOutage, true), 0),
                new Experiment("kafka-down-5-minutes", "Kafka killed and kept down for 5 minutes", false,
                        Duration.ofMinutes(6), at, (f, l) -> f.down("kafka", Duration.ofMinutes(5), true), 0),
                new Experiment("query-service-killed", "the query service killed (SIGKILL) " + kills
                        + " time(s) under load, each time restarted at once", true, load, at, (f, l) -> {
                            for (int i = 0; i < kills; i++) {
                                f.component("kill", "query-service");
                                f.component("start", "query-service");
                            }
                        }, 0),
                new Experiment("command-service-killed", "the command service killed mid-load (and mid-relay), restarted",
                        true, load, at, (f, l) -> {
                            f.component("kill", "command-service");
                            f.component("start", "command-service");
                        }, 0),
                new Experiment("postgres-killed", "PostgreSQL stopped abruptly (immediate shutdown) for "
                        + shortOutage.toSeconds() + " s", true, load, at, (f, l) -> f.down("postgres", shortOutage, true), 0),
                new Experiment("postgres-down-3-minutes", "PostgreSQL stopped abruptly for 3 minutes", false,
                        Duration.ofMinutes(4), at, (f, l) -> f.down("postgres", Duration.ofMinutes(3), true), 0),
                new Experiment("query-database-unreachable", "the query database refuses every connection for "
                        + (quick ? 20 : 180) + " s (its open connections ended)", true, load, at,
                        (f, l) -> f.queryDatabaseAway(Duration.ofSeconds(quick ? 20 : 180)), 0),
                new Experiment("poison-records", "three records no projection can decode put on the event topic by a"
                        + " plain Kafka producer", true, load, at, (f, l) -> f.poison(), 3L * 6),
                new Experiment("offsets-lost", "the query service stopped, the read models' consumer group set back to the"
                        + " start of the topic (as if it had crashed between each database commit and its offset"
                        + " commit), started again", true, load, at, (f, l) -> f.offsetsLost(), 0),
                new Experiment("concurrent-writers", "32 writers revise one item at once, each with If-Match, re-reading"
                        + " on 412", true, load, at, Faults::concurrentWriters, 0),
                new Experiment("query-service-twin-killed", "a second query service started beside the first, the"
                        + " first killed under load and restarted; both deliver alerts", true, load, at, (f, l) -> {
                            f.component("start", "query-service-2");
                            f.component("kill", "query-service");
                            f.component("start", "query-service");
                        }, 0),
                new Experiment("rebuild-under-load", "every projection rebuilt from the topic while the load runs",
                        true, load, at, (f, l) -> f.rebuildAll(), 0));
    }

    private Map<String, Object> run(Experiment experiment) throws Exception {
        Client client = new Client(commands, "hast", "demo-hast");
        Load load = Load.start(client, new Client(commands, "admin", "demo-admin"), experiment.name());
        Instant started = Instant.now();
        ExecutorService background = Executors.newSingleThreadExecutor();
        Future<?> running = background.submit(() -> {
            load.run(rate, experiment.load(), Duration.ofMinutes(quick ? 2 : 6));
            return null;
        });
        Thread.sleep(experiment.faultAt().toMillis());
        Instant struck = Instant.now();
        String faultError = null;
        try {
            experiment.fault().strike(this, load);
        } catch (Exception e) {
            faultError = e.toString();
        }
        Instant restored = Instant.now();
        running.get();
        background.shutdown();
        expectedDeadLetters += experiment.deadLettersItLeaves();
        Map<String, Object> exactlyOnce = checks.exactlyOnce(load.commands());
        Map<String, Object> readModels =
                checks.readModelsMatchTheStore(Duration.ofMinutes(quick ? 3 : 10), expectedDeadLetters);
        // an alert whose delivery failed during the outage waits for its next attempt (30 s, doubling): after a
        // 5-minute Kafka outage that can be minutes after the broker is back
        Map<String, Object> alerts =
                checks.alertsOnce(load.followUps(), mail, Duration.ofMinutes(quick ? 2 : 10));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("experiment", experiment.name());
        result.put("fault", experiment.description());
        result.put("faultError", faultError);
        result.put("rate", rate);
        result.put("loadSeconds", experiment.load().toSeconds());
        result.put("faultSecondsIntoLoad", Duration.between(started, struck).toMillis() / 1000.0);
        result.put("faultLastedSeconds", Duration.between(struck, restored).toMillis() / 1000.0);
        result.put("exactlyOnce", exactlyOnce);
        result.put("readModels", readModels);
        result.put("alerts", alerts);
        result.put("clients", clientView(client));
        boolean passed = faultError == null
                && ((Number) exactlyOnce.get("lost")).intValue() == 0
                && ((Number) exactlyOnce.get("duplicated")).intValue() == 0
                && ((Number) exactlyOnce.get("refused")).intValue() == 0
                && ((Number) exactlyOnce.get("givenUp")).intValue() == 0
                && Boolean.TRUE.equals(readModels.get("matches"))
                && Boolean.TRUE.equals(alerts.get("exactlyOnce"));
        result.put("verdict", passed ? "passed" : "FAILED");
        return result;
    }

    /** What the clients saw: answers by status, and the longest time without any 2xx. */
    private static Map<String, Object> clientView(Client client) {
        Map<String, Integer> statuses = new java.util.TreeMap<>();
        List<Client.Attempt> attempts = new ArrayList<>(client.attempts);
        attempts.sort(java.util.Comparator.comparing(Client.Attempt::at));
        Instant lastSuccess = attempts.isEmpty() ? null : attempts.get(0).at();
        long longestGap = 0;
        for (Client.Attempt attempt : attempts) {
            statuses.merge(attempt.status() == 0 ? "no answer" : Integer.toString(attempt.status()), 1, Integer::sum);
            if (attempt.status() >= 200 && attempt.status() < 300) {
                longestGap = Math.max(longestGap, Duration.between(lastSuccess, attempt.at()).toMillis());
                lastSuccess = attempt.at();
            }
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("attempts", attempts.size());
        view.put("statuses", statuses);
        view.put("longestSecondsWithout2xx", longestGap / 1000.0);
        return view;
    }

    // --- the faults ---------------------------------------------------------------------------------------------

    void component(String action, String part) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(root + "/deploy/local/component.sh", action, part)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(action + " " + part + " failed: " + output);
        }
    }

    private void down(String part, Duration outage, boolean abrupt) throws Exception {
        component(abrupt ? "kill" : "stop", part);
        Thread.sleep(outage.toMillis());
        component("start", part);
    }

    private void queryDatabaseAway(Duration outage) throws Exception {
        String admin = postgres + "postgres";
        Checks.execute(admin, "alter database sagsspor_query allow_connections false");
        Checks.execute(admin, "select pg_terminate_backend(pid) from pg_stat_activity where datname = 'sagsspor_query'");
        try {
            Thread.sleep(outage.toMillis());
        } finally {
            Checks.execute(admin, "alter database sagsspor_query allow_connections true");
        }
    }

    private void poison() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(
                        "sagsspor.events",
                        "poison-" + UUID.randomUUID(),
                        ("{\"this is\": \"not an event " + i + "\"}").getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    private void offsetsLost() throws Exception {
        component("stop", "query-service");
        Properties config = new Properties();
        config.put("bootstrap.servers", kafka);
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(config)) {
            var partitions = admin.describeTopics(List.of("sagsspor.events"))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .get("sagsspor.events")
                    .partitions();
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> start =
                    new java.util.HashMap<>();
            for (var partition : partitions) {
                start.put(
                        new org.apache.kafka.common.TopicPartition("sagsspor.events", partition.partition()),
                        new org.apache.kafka.clients.consumer.OffsetAndMetadata(0));
            }
            // the read models' one consumer group (ADR 13)
            admin.alterConsumerGroupOffsets("sagsspor.query.read-models", start)
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        component("start", "query-service");
    }

    /**
     * 32 writers revise one item at the same time, three times each, as careful clients: read the item's version from
     * the query side, {@code PATCH} with {@code If-Match}, and on {@code 412} read again and retry. Every revision
     * acknowledged must be in the store exactly once — no lost update, no double write.
     */
    private void concurrentWriters(Load load) throws Exception {
        Client client = new Client(commands, "hast", "demo-hast");
        Client reader = new Client(queries, "hast", "demo-hast");
        Instant giveUpAt = Instant.now().plus(Duration.ofMinutes(quick ? 3 : 6));
        Client.Outcome proposed = client.command(
                "POST",
                "/api/agenda-items",
                "{\"committee\": \"" + Load.COMMITTEE + "\", \"title\": \"Omstridt punkt\"}",
                "writers-" + UUID.randomUUID(),
                null,
                giveUpAt);
        if (!proposed.acknowledged()) {
            throw new IllegalStateException("could not propose the contested item: " + proposed);
        }
        String item = proposed.body().path("id").asString();
        ExecutorService writers = Executors.newFixedThreadPool(32);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 32; w++) {
            int writer = w;
            done.add(writers.submit(() -> {
                for (int k = 0; k < 3; k++) {
                    String tag = "w" + writer + "r" + k + "x" + Long.toString(System.nanoTime() % 100_000, 36);
                    Client.Outcome outcome = null;
                    while (Instant.now().isBefore(giveUpAt)) {
                        var current = reader.get("/api/agenda-items/" + item);
                        if (current == null || current.statusCode() != 200) {
                            Client.sleep(200);
                            continue;
                        }
                        String etag = current.headers().firstValue("ETag").orElse(null);
                        outcome = client.command(
                                "PATCH",
                                "/api/agenda-items/" + item,
                                "{\"title\": \"Omstridt punkt " + tag + "\"}",
                                null,
                                etag,
                                giveUpAt);
                        if (outcome.status() != 412) {
                            break;
                        }
                        Client.sleep(50 + java.util.concurrent.ThreadLocalRandom.current().nextInt(200));
                    }
                    load.record(new Load.Command(
                            tag,
                            "revise",
                            item,
                            Load.countOf("AgendaItemRevised", item, tag),
                            outcome == null ? new Client.Outcome("given-up", 0, null, 0) : outcome));
                }
                return null;
            }));
        }
        for (Future<?> writer : done) {
            writer.get();
        }
        writers.shutdown();
    }

    private void rebuildAll() throws Exception {
        // a rebuild is refused while another instance consumes the topic (a twin left by an earlier experiment)
        component("stop", "query-service-2");
        Client admin = new Client(queries, "admin", "demo-admin");
        // every read model in one pass, into fresh tables swapped in when they have caught up (ADR 13)
        Client.Outcome outcome = admin.command(
                "POST", "/api/admin/projections/rebuild", "", null, null, Instant.now().plusSeconds(60));
        if (!outcome.acknowledged()) {
            throw new IllegalStateException("The rebuild was refused");
        }
    }

    // --- the report ---------------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private static String report(List<Map<String, Object>> results) {
        StringBuilder md = new StringBuilder("# Fault experiments\n\n");
        md.append("| experiment | fault | acknowledged | lost | duplicated | gave up | read models match the store"
                + " (after) | alerts once | longest without 2xx | verdict |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (Map<String, Object> r : results) {
            Map<String, Object> once = (Map<String, Object>) r.get("exactlyOnce");
            Map<String, Object> models = (Map<String, Object>) r.get("readModels");
            Map<String, Object> clients = (Map<String, Object>) r.get("clients");
            md.append("| ").append(r.get("experiment"))
                    .append(" | ").append(r.get("fault"))
                    .append(" | ").append(once.get("acknowledged")).append(" of ").append(once.get("commands"))
                    .append(" | ").append(once.get("lost"))
                    .append(" | ").append(once.get("duplicated"))
                    .append(" | ").append(once.get("givenUp"))
                    .append(" | ").append(Boolean.TRUE.equals(models.get("matches"))
                            ? "yes (" + models.get("secondsToMatch") + " s)"
                            : "NO: " + models.get("firstDifferences"))
                    .append(" | ").append(((Map<String, Object>) r.get("alerts")).get("summary"))
                    .append(" | ").append(clients.get("longestSecondsWithout2xx")).append(" s")
                    .append(" | ").append(r.get("verdict")).append(" |\n");
        }
        return md.toString();
    }
}
