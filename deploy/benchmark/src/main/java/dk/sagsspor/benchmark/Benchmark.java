package dk.sagsspor.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutorService;

/**
 * The benchmark: how much one machine carries, at what latency, against its own limits. Runs against the one-machine
 * stack that {@code deploy/benchmark/run.sh} starts, and writes {@code result.json}, {@code report.md} and
 * {@code latency.png} to the output directory. Settings are system properties ({@code -Dbench.…}), see {@link #main}.
 */
public final class Benchmark {

    static final double P99_LIMIT_MS = 100;
    static final double DRAIN_LIMIT_SECONDS = 5;

    private final Map<String, String> settings;
    private final Api api;
    private final Observe observe;
    private final Baselines baselines;
    private final String token;
    private final List<OpenLoop.Result> runs = new ArrayList<>();
    private final List<Baselines.Round> rounds = new ArrayList<>();
    private final Map<String, Object> result = new LinkedHashMap<>();

    private Benchmark(Map<String, String> settings, String token, Map<String, List<Long>> pids) {
        this.settings = settings;
        this.token = token;
        this.api = new Api(settings.get("commands"), settings.get("queries"), token);
        this.observe = new Observe(
                pids,
                settings.get("kafka"),
                settings.get("postgres") + "sagsspor_command",
                settings.get("queries"),
                token);
        this.baselines = new Baselines(settings.get("postgres") + "sagsspor_bench", settings.get("kafka"));
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("commands", System.getProperty("bench.commands", "http://127.0.0.1:8081"));
        settings.put("queries", System.getProperty("bench.queries", "http://127.0.0.1:8082"));
        settings.put("kafka", System.getProperty("bench.kafka", "127.0.0.1:19092"));
        settings.put("postgres", System.getProperty("bench.postgres", "jdbc:postgresql://127.0.0.1:15432/"));
        settings.put("keys", System.getProperty("bench.keys"));
        settings.put("var", System.getProperty("bench.var"));
        settings.put("pgData", System.getProperty("bench.pgData"));
        settings.put("queryJar", System.getProperty("bench.queryJar"));
        settings.put("out", System.getProperty("bench.out"));
        settings.put("stepSeconds", System.getProperty("bench.stepSeconds", "15"));
        settings.put("phaseSeconds", System.getProperty("bench.phaseSeconds", "30"));
        settings.put("startRate", System.getProperty("bench.startRate", "25"));
        settings.put("warmUpSeconds", System.getProperty("bench.warmUpSeconds", "60"));
        settings.put("rebuildEvents", System.getProperty("bench.rebuildEvents", "1000000"));
        settings.put("label", System.getProperty("bench.label", ""));
        PrivateKey key = Tokens.privateKey(Path.of(settings.get("keys")));
        String token = Tokens.token(key, "benchmark", List.of("secretary:*", "admin", "monitoring"));
        Path pidDir = Path.of(settings.get("var"), "pids");
        Map<String, List<Long>> pids = new TreeMap<>();
        for (String name : List.of("command-service", "query-service", "kafka")) {
            pids.put(name, List.of(Long.parseLong(Files.readString(pidDir.resolve(name + ".pid")).strip())));
        }
        pids.put("postgres", List.of(Long.parseLong(
                Files.readAllLines(Path.of(settings.get("pgData"), "postmaster.pid")).get(0).strip())));
        pids.put("benchmark", List.of(ProcessHandle.current().pid()));
        new Benchmark(settings, token, pids).run();
    }

    private void run() throws Exception {
        Path out = Path.of(settings.get("out"));
        Files.createDirectories(out);
        result.put("label", settings.get("label"));
        result.put("started", Instant.now().toString());
        result.put("machine", Map.of(
                "cores", Runtime.getRuntime().availableProcessors(),
                "memoryGiB", Math.round(totalMemoryGiB()),
                "java", System.getProperty("java.version")));
        createBenchDatabase();

        System.out.println("set-up: 20 open meetings with 25 items each, 500 items more");
        api.setUp(20, 25, 500);
        int warmUp = Integer.parseInt(settings.get("warmUpSeconds"));
        System.out.printf("warm-up: %d s at 50 commands/s (the services' JIT compilers are busy for minutes)%n", warmUp);
        OpenLoop.run("warm-up", 50, warmUp, api::nextCommand);
        drain();

        baselineRound(1);
        double m1 = findM1();
        baselineRound(2);
        double half = Math.max(25, m1 * 0.5);
        double eighty = Math.max(40, m1 * 0.8);
        Map<String, Object> m2 = new LinkedHashMap<>();
        Map<String, Object> m4 = new LinkedHashMap<>();
        for (double[] phase : new double[][] {{half, 50}, {eighty, 80}}) {
            Map<String, Object> measured = loadWithQueries(phase[0], (int) phase[1]);
            m2.put(((int) phase[1]) + "%", measured.get("lag"));
            m4.put(((int) phase[1]) + "%", measured.get("queries"));
            result.put("phase" + (int) phase[1], measured.get("commands"));
        }
        result.put("M2_lag", m2);
        result.put("M4_queries", m4);
        baselineRound(3);

        long events = Long.parseLong(settings.get("rebuildEvents"));
        System.out.printf("M3: rebuilding every read model from %,d events%n", events);
        Rebuild.Result rebuild = new Rebuild(
                        settings.get("kafka"),
                        settings.get("postgres"),
                        Path.of(settings.get("queryJar")),
                        Path.of(settings.get("keys"), "public.pem"),
                        Path.of(settings.get("var"), "logs"))
                .run(events, token, observe);
        result.put("M3_rebuild", rebuild);
        result.put("baselines", rounds);
        result.put("finished", Instant.now().toString());
        Report.write(out, result, runs, rounds, settings);
        observe.close();
        System.out.println("results in " + out);
    }

    private void baselineRound(int round) throws Exception {
        System.out.printf("baselines, round %d%n", round);
        Baselines.Round measured = baselines.round(Duration.ofSeconds(5), observe);
        System.out.printf(
                "  PostgreSQL %,.0f inserts/s (%.3f ms CPU each), select p99 %.2f ms; Kafka produce %,.0f/s, consume %,.0f/s,"
                        + " end-to-end p50 %.1f ms p99 %.1f ms%n",
                measured.postgresInsertsPerSecond(),
                measured.postgresCpuMsPerInsert(),
                measured.postgresSelectP99Ms(),
                measured.kafkaProducedPerSecond(),
                measured.kafkaConsumedPerSecond(),
                measured.kafkaEndToEndP50Ms(),
                measured.kafkaEndToEndP99Ms());
        rounds.add(measured);
    }

    /**
     * M1: steps up the command rate (×1.5 a step) until a step fails — p99 of 100 ms or more, more than 1 % errors, the
     * rate not achieved, or a backlog (relay plus projections) that takes more than 5 s to drain after the step — then
     * tries the midpoint once. Also M5: CPU per command at every step.
     */
    private double findM1() throws Exception {
        List<Map<String, Object>> steps = new ArrayList<>();
        double rate = Double.parseDouble(settings.get("startRate"));
        double passed = 0;
        double failed = 0;
        while (true) {
            Map<String, Object> step = step(rate);
            steps.add(step);
            if ((boolean) step.get("sustained")) {
                passed = rate;
                rate = rate * 1.5;
            } else {
                failed = rate;
                break;
            }
        }
        if (passed > 0 && failed / passed > 1.2) {
            double middle = Math.round((passed + failed) / 2);
            Map<String, Object> step = step(middle);
            steps.add(step);
            if ((boolean) step.get("sustained")) {
                passed = middle;
            }
        }
        result.put("M1_steps", steps);
        result.put("M1_commandsPerSecond", passed);
        return passed;
    }

    private Map<String, Object> step(double rate) throws Exception {
        int seconds = Integer.parseInt(settings.get("stepSeconds"));
        Map<String, Double> cpuBefore = observe.cpuSeconds();
        OpenLoop.Result run = OpenLoop.run("M1 " + Math.round(rate) + "/s", rate, seconds, api::nextCommand);
        Map<String, Double> cpu = Observe.minus(observe.cpuSeconds(), cpuBefore);
        long backlogAtEnd = observe.relayBacklog() + sum(observe.consumerLag("sagsspor.events", "sagsspor.query."));
        double drain = drain();
        runs.add(run);
        boolean sustained = run.p(99) < P99_LIMIT_MS
                && run.errorRate() <= 0.01
                && run.achievedRate() >= rate * 0.95
                && drain <= DRAIN_LIMIT_SECONDS;
        Map<String, Object> step = commands(run, cpu);
        step.put("backlogAtEnd", backlogAtEnd);
        step.put("drainSeconds", drain);
        step.put("sustained", sustained);
        System.out.printf(
                "  %6.0f commands/s: p50 %6.1f ms, p99 %7.1f ms, errors %.2f %%, backlog %d, drained in %.1f s,"
                        + " CPU %.2f ms/command → %s%n",
                rate,
                run.p(50),
                run.p(99),
                run.errorRate() * 100,
                backlogAtEnd,
                drain,
                (double) step.get("cpuMsPerCommand"),
                sustained ? "sustained" : "NOT sustained");
        return step;
    }

    private static Map<String, Object> commands(OpenLoop.Result run, Map<String, Double> cpu) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("targetRate", run.targetRate());
        step.put("achievedRate", run.achievedRate());
        step.put("sent", run.sent());
        step.put("failed", run.failed());
        step.put("p50Ms", run.p(50));
        step.put("p90Ms", run.p(90));
        step.put("p99Ms", run.p(99));
        step.put("maxMs", run.latency().getMaxValue() / 1000.0);
        double systemCpu = cpu.entrySet().stream()
                .filter(e -> !e.getKey().equals("benchmark"))
                .mapToDouble(Map.Entry::getValue)
                .sum();
        step.put("cpuSecondsByProcess", cpu);
        step.put("cpuMsPerCommand", systemCpu * 1000.0 / Math.max(1, run.ok()));
        return step;
    }

    /** M2 and M4: commands at {@code rate} with queries beside them; the projections' lag from the service's own histogram. */
    private Map<String, Object> loadWithQueries(double rate, int percentOfM1) throws Exception {
        int seconds = Integer.parseInt(settings.get("phaseSeconds"));
        System.out.printf("M2/M4 at %d %% of M1: %.0f commands/s for %d s, with 20 queries/s%n", percentOfM1, rate, seconds);
        var lagBefore = observe.lagBuckets();
        Map<String, Double> cpuBefore = observe.cpuSeconds();
        ExecutorService queries = Executors.newFixedThreadPool(2);
        Future<OpenLoop.Result> outstanding = queries.submit(
                () -> OpenLoop.run("outstanding " + percentOfM1 + "%", 10, seconds, api::outstanding));
        Future<OpenLoop.Result> timeline =
                queries.submit(() -> OpenLoop.run("timeline " + percentOfM1 + "%", 10, seconds, api::timeline));
        OpenLoop.Result commandRun = OpenLoop.run(percentOfM1 + "% of M1", rate, seconds, api::nextCommand);
        OpenLoop.Result outstandingRun = outstanding.get();
        OpenLoop.Result timelineRun = timeline.get();
        queries.shutdown();
        Map<String, Double> cpu = Observe.minus(observe.cpuSeconds(), cpuBefore);
        drain();
        var lagAfter = observe.lagBuckets();
        runs.add(commandRun);
        Map<String, Object> lag = new TreeMap<>();
        lagAfter.forEach((projection, buckets) -> lag.put(
                projection,
                Map.of(
                        "p50Ms", Observe.percentile(buckets, lagBefore.get(projection), 50),
                        "p99Ms", Observe.percentile(buckets, lagBefore.get(projection), 99))));
        Map<String, Object> queryLatency = new LinkedHashMap<>();
        for (OpenLoop.Result run : List.of(outstandingRun, timelineRun)) {
            queryLatency.put(
                    run.name().split(" ")[0],
                    Map.of("p50Ms", run.p(50), "p99Ms", run.p(99), "failed", run.failed(), "sent", run.sent()));
        }
        Map<String, Object> commandStats = commands(commandRun, cpu);
        System.out.printf(
                "  commands p99 %.1f ms; lag %s; queries %s%n", commandRun.p(99), lag, queryLatency);
        return Map.of("lag", lag, "queries", queryLatency, "commands", commandStats);
    }

    /** Waits until the relay and every projection have caught up (at most 60 s); answers how long that took. */
    private double drain() throws Exception {
        long start = System.nanoTime();
        while (System.nanoTime() - start < 60_000_000_000L) {
            if (observe.relayBacklog() == 0 && sum(observe.consumerLag("sagsspor.events", "sagsspor.query.")) == 0) {
                return (System.nanoTime() - start) / 1e9;
            }
            Thread.sleep(100);
        }
        return Double.POSITIVE_INFINITY;
    }

    private static long sum(Map<String, Long> lag) {
        return lag.values().stream().mapToLong(Long::longValue).sum();
    }

    private void createBenchDatabase() throws Exception {
        try (var connection = java.sql.DriverManager.getConnection(settings.get("postgres") + "postgres", "sagsspor", "");
                var rs = connection.createStatement()
                        .executeQuery("select 1 from pg_database where datname = 'sagsspor_bench'")) {
            if (!rs.next()) {
                connection.createStatement().execute("create database sagsspor_bench");
            }
        }
    }

    private static double totalMemoryGiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0;
                }
            }
        } catch (Exception ignored) {
            // not Linux
        }
        return Double.NaN;
    }
}
