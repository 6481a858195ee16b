package dk.sagsspor.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark: how much one machine carries, at what latency, against its own limits. Runs against the one-machine
 * stack that {@code deploy/benchmark/run.sh} starts, and writes {@code result.json}, {@code report.md} and
 * {@code latency.png} to the output directory. Settings are system properties ({@code -Dbench.…}), see {@link #main}.
 */
public final class Benchmark {

    static final double P99_LIMIT_MS = 100;
    static final double DRAIN_LIMIT_SECONDS = 5;
    /** Fewer samples than this and a p99 is a handful of requests: reported, but flagged. */
    static final int SAMPLES_FOR_P99 = 10_000;
    /** The floor rate of the 50 % phase when no M1 was found. */
    static final double HALF_FLOOR = 10;

    private final Map<String, String> settings;
    private final Api api;
    private final Observe observe;
    private final Baselines baselines;
    private final String token;
    private final List<OpenLoop.Result> runs = new ArrayList<>();
    private final List<Baselines.Round> rounds = new ArrayList<>();
    private final Map<String, Object> result = new LinkedHashMap<>();
    private final Map<String, List<Long>> pids;

    private Benchmark(Map<String, String> settings, String token, Map<String, List<Long>> pids) {
        this.settings = settings;
        this.token = token;
        this.pids = pids;
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
        settings.put("commandJar", System.getProperty("bench.commandJar"));
        settings.put("auditEvents", System.getProperty("bench.auditEvents", "1000000"));
        settings.put("out", System.getProperty("bench.out"));
        settings.put("stepSeconds", System.getProperty("bench.stepSeconds", "20"));
        settings.put("phaseSeconds", System.getProperty("bench.phaseSeconds", "120"));
        settings.put("cpuPhaseSeconds", System.getProperty("bench.cpuPhaseSeconds", "90"));
        settings.put("startRate", System.getProperty("bench.startRate", "25"));
        settings.put("warmUpSeconds", System.getProperty("bench.warmUpSeconds", "300"));
        settings.put("profileSeconds", System.getProperty("bench.profileSeconds", "0"));
        settings.put("warmUpRate", System.getProperty("bench.warmUpRate", "20"));
        settings.put("rebuildEvents", System.getProperty("bench.rebuildEvents", "200000"));
        settings.put("serviceJavaOpts", System.getProperty("bench.serviceJavaOpts", ""));
        settings.put("label", System.getProperty("bench.label", ""));
        settings.put("only", System.getProperty("bench.only", ""));
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
        result.put("java", System.getProperty("java.version"));
        result.put("serviceJavaOptions", settings.get("serviceJavaOpts"));
        result.put("started", Instant.now().toString());
        result.put("machine", Map.of(
                "cores", Runtime.getRuntime().availableProcessors(),
                "memoryGiB", Math.round(totalMemoryGiB()),
                "java", System.getProperty("java.version")));
        createBenchDatabase();
        // one measurement alone: minutes instead of half an hour — BENCH_ONLY=M3 the rebuild, for working on the read
        // side; BENCH_ONLY=M6 the chain and verification of a million events
        Map<String, Callable<Object>> alone = Map.of("M3", () -> result.put("M3_rebuild", rebuild()), "M6", () -> result
                .put("M6_audit", audit()));
        if (alone.containsKey(settings.get("only"))) {
            alone.get(settings.get("only")).call();
            result.put("finished", Instant.now().toString());
            Path file = out.resolve("result-" + settings.get("only").toLowerCase(Locale.ROOT) + ".json");
            Files.writeString(
                    file, JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(result));
            observe.close();
            System.out.println("results in " + file);
            return;
        }

        System.out.println("set-up: 20 open meetings with 25 items each, 500 items more");
        api.setUp(20, 25, 500);
        result.put("warmUp", warmUp());
        drain();

        baselineRound(1);
        double m1 = findM1();
        baselineRound(2);
        Map<String, Object> m5 = cpuPerCommand(m1);
        result.put("M5", m5);
        int profileSeconds = Integer.parseInt(settings.get("profileSeconds"));
        if (profileSeconds > 0) {
            result.put("profile", profile(Math.max(HALF_FLOOR, m1), profileSeconds, out));
        }
        double half = Math.max(HALF_FLOOR, m1 * 0.5);
        result.put("M4_floor", queriesAlone());
        Map<String, Object> measured = loadWithQueries(half, 50);
        result.put("M2_lag", measured.get("lag"));
        result.put("M4_queries", measured.get("queries"));
        result.put("phase50", measured.get("commands"));
        baselineRound(3);

        Rebuild.Result rebuild = rebuild();
        result.put("M3_rebuild", rebuild);
        result.put("baselines", rounds);
        result.put("retries", Map.of("commandsSentAgain", api.retries(), "itemsReadAgainAfter412", api.rereads()));
        result.put("finished", Instant.now().toString());

        Map<String, Object> headline = new LinkedHashMap<>();
        headline.put("M1_commandsPerSecond", m1);
        headline.put("M2_lagP99Ms", worst(measured.get("lag"), "p99Ms"));
        headline.put("M3_eventsPerSecond", rebuild.eventsPerSecond());
        headline.put("M4_queryP99Ms", worst(measured.get("queries"), "p99Ms"));
        headline.put("M5_cpuMsPerCommand", m5.get("marginalCpuMsPerCommand"));
        headline.put("generatorCpuMsPerCommand", m5.get("generatorCpuMsPerCommandAtHalf"));
        headline.put("java", System.getProperty("java.version"));
        headline.putAll(result);
        result.clear();
        result.putAll(headline);
        Report.write(out, result, runs, rounds, settings);
        observe.close();
        System.out.println("results in " + out);
    }

    /** M6: a second command service chains and verifies a million events of the realistic mix. */
    private Audit.Result audit() throws Exception {
        long events = Long.parseLong(settings.get("auditEvents"));
        System.out.printf("M6: chaining and verifying %,d events%n", events);
        return new Audit(secondServices(), Path.of(settings.get("commandJar"))).run(events, token, observe);
    }

    /** M3: a second query service builds every read model from a topic of the realistic mix. */
    private Rebuild.Result rebuild() throws Exception {
        long events = Long.parseLong(settings.get("rebuildEvents"));
        System.out.printf("M3: rebuilding every read model from %,d events%n", events);
        return new Rebuild(secondServices(), Path.of(settings.get("queryJar"))).run(events, token, observe);
    }

    /** Where a second service (M3, M6) runs: the stack's Kafka and PostgreSQL, the tokens' key, the logs. */
    private ServiceJar secondServices() {
        return new ServiceJar(
                settings.get("kafka"),
                settings.get("postgres"),
                Path.of(settings.get("keys"), "public.pem"),
                Path.of(settings.get("var"), "logs"));
    }

    /** The largest of {@code key} over the entries of a map of maps (the worst projection or query kind). */
    @SuppressWarnings("unchecked")
    static double worst(Object byName, String key) {
        return ((Map<String, Map<String, Object>>) byName)
                .values().stream()
                        .map(stats -> stats.get(key))
                        .filter(v -> v instanceof Number)
                        .mapToDouble(v -> ((Number) v).doubleValue())
                        .filter(v -> !Double.isNaN(v))
                        .max()
                        .orElse(Double.NaN);
    }

    /**
     * Warm-up: commands at {@code warmUpRate} (20/s) with both query kinds at a quarter of that each beside them, so that every path measured later has
     * been compiled. Records the stack's CPU per 10 s window as it goes: the curve shows how long the JIT takes to
     * settle (the warm-up time of a JVM setting) and what it settles at.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> warmUp() throws Exception {
        int seconds = Integer.parseInt(settings.get("warmUpSeconds"));
        double rate = Double.parseDouble(settings.get("warmUpRate"));
        System.out.printf("warm-up: %d s at %.0f commands/s with %.0f queries/s%n", seconds, rate, rate / 2);
        List<double[]> windows = new ArrayList<>();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        Map<String, Double>[] last = new Map[] {observe.cpuSeconds()};
        long start = System.nanoTime();
        sampler.scheduleAtFixedRate(
                () -> {
                    Map<String, Double> now = observe.cpuSeconds();
                    double stack = stackCpu(Observe.minus(now, last[0]));
                    last[0] = now;
                    windows.add(new double[] {(System.nanoTime() - start) / 1e9, stack / 10.0});
                },
                10,
                10,
                TimeUnit.SECONDS);
        ExecutorService queries = Executors.newFixedThreadPool(QUERY_KINDS.size());
        List<Future<OpenLoop.Result>> queryRuns = new ArrayList<>();
        QUERY_KINDS.forEach((kind, uri) -> queryRuns.add(queries.submit(
                () -> OpenLoop.run("warm-up " + kind, rate / 2 / QUERY_KINDS.size(), seconds, query(kind)))));
        OpenLoop.Result commands = OpenLoop.run("warm-up", rate, seconds, api::nextCommand);
        for (Future<OpenLoop.Result> run : queryRuns) {
            run.get();
        }
        queries.shutdown();
        sampler.shutdownNow();
        sampler.awaitTermination(5, TimeUnit.SECONDS);
        runs.add(commands);
        List<double[]> curve = List.copyOf(windows);
        // settled: from the first window after which no window uses more than 15 % above the last minute's mean
        int tail = Math.min(6, curve.size());
        double steady = curve.subList(curve.size() - tail, curve.size()).stream()
                .mapToDouble(w -> w[1])
                .average()
                .orElse(Double.NaN);
        double settledAt = 0;
        for (double[] window : curve) {
            if (window[1] > steady * 1.15) {
                settledAt = window[0];
            }
        }
        List<Map<String, Double>> rows = new ArrayList<>();
        for (double[] window : curve) {
            rows.add(Map.of("seconds", window[0], "stackCpuPerSecond", window[1]));
        }
        Map<String, Object> warmUp = new LinkedHashMap<>();
        warmUp.put("seconds", seconds);
        warmUp.put("commandsPerSecond", rate);
        warmUp.put("settledAfterSeconds", settledAt);
        warmUp.put("steadyStackCpuPerSecond", steady);
        warmUp.put("commandP99Ms", commands.p(99));
        warmUp.put("lastMinuteCommandP99Ms", commands.lastMinuteP(99));
        warmUp.put("windows", rows);
        System.out.printf(
                "  settled after %.0f s at %.2f CPU s per s (stack); command p99 over the warm-up %.1f ms, last minute %.1f ms%n",
                settledAt, steady, commands.p(99), commands.lastMinuteP(99));
        return warmUp;
    }

    private void baselineRound(int round) throws Exception {
        System.out.printf("baselines, round %d%n", round);
        Baselines.Round measured = baselines.round(Duration.ofSeconds(5), observe);
        // The baseline's inserts leave WAL behind: checkpoint now, so that the next measurement does not pay for them
        try (var connection = java.sql.DriverManager.getConnection(settings.get("postgres") + "postgres", "sagsspor", "")) {
            connection.createStatement().execute("checkpoint");
        } catch (java.sql.SQLException e) {
            System.out.printf("  (no checkpoint after the baselines: %s)%n", e.getMessage());
        }
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
     * M1 in two stages. A coarse search: short steps ({@code stepSeconds}) from the start rate, ×1.5 a step, until one
     * fails (if the start rate fails, ×2/3 a step down until one holds) — p99 of 100 ms or more, more than 1 % errors, the rate not achieved, or a backlog (relay plus projections)
     * that takes more than 5 s to drain — and the midpoint once. Then the highest passing rate is confirmed by a step long
     * enough for {@value #SAMPLES_FOR_P99} samples (at least 60 s, at most 10 minutes); if that fails, 80 % of it is
     * tried, up to three times. M1 is the highest confirmed rate; a coarse step alone never makes M1.
     */
    private double findM1() throws Exception {
        List<Map<String, Object>> steps = new ArrayList<>();
        int coarse = Integer.parseInt(settings.get("stepSeconds"));
        double rate = Double.parseDouble(settings.get("startRate"));
        double passed = 0;
        double failed = 0;
        while (true) {
            Map<String, Object> step = coarseStep(rate, coarse, steps);
            if ((boolean) step.get("sustained")) {
                passed = rate;
                rate = rate * 1.5;
            } else {
                failed = rate;
                break;
            }
        }
        // the start rate itself failed: step down (×2/3) until a rate holds, to 5 commands/s at the lowest
        while (passed == 0 && rate > 5) {
            rate = Math.max(5, Math.floor(rate * 2 / 3));
            Map<String, Object> step = coarseStep(rate, coarse, steps);
            if ((boolean) step.get("sustained")) {
                passed = rate;
            } else {
                failed = rate;
            }
        }
        if (passed > 0 && failed / passed > 1.2) {
            double middle = Math.round((passed + failed) / 2);
            Map<String, Object> step = coarseStep(middle, coarse, steps);
            if ((boolean) step.get("sustained")) {
                passed = middle;
            }
        }
        double confirmed = 0;
        double candidate = passed;
        for (int attempt = 0; attempt < 3 && candidate >= 1; attempt++) {
            int seconds = (int) Math.min(600, Math.max(60, Math.ceil(SAMPLES_FOR_P99 / candidate)));
            Map<String, Object> step = step(candidate, seconds, "confirmation");
            steps.add(step);
            if ((boolean) step.get("sustained")) {
                confirmed = candidate;
                break;
            }
            candidate = Math.floor(candidate * 0.8);
        }
        result.put("M1_steps", steps);
        return confirmed;
    }

    /**
     * A coarse step, repeated once if it fails: its p99 is the 5th-worst of ~500 requests, which one GC pause or a
     * checkpoint can decide (the first step after a baseline round failed in three of three runs with the tiered JIT,
     * p99 132–240 ms, while the steps around it held). A rate fails the search only if it fails twice.
     */
    private Map<String, Object> coarseStep(double rate, int seconds, List<Map<String, Object>> steps) throws Exception {
        Map<String, Object> step = step(rate, seconds, "coarse");
        steps.add(step);
        if (!(boolean) step.get("sustained")) {
            step = step(rate, seconds, "coarse-again");
            steps.add(step);
        }
        return step;
    }

    private Map<String, Object> step(double rate, int seconds, String kind) throws Exception {
        Map<String, Double> cpuBefore = observe.cpuSeconds();
        long retriesBefore = api.retries();
        long rereadsBefore = api.rereads();
        api.latencyByKind();
        OpenLoop.Result run = OpenLoop.run("M1 " + kind + " " + Math.round(rate) + "/s", rate, seconds, api::nextCommand);
        Map<String, Double> cpu = Observe.minus(observe.cpuSeconds(), cpuBefore);
        long backlogAtEnd = observe.relayBacklog() + sum(observe.consumerLag("sagsspor.events", "sagsspor.query."));
        double drain = drain();
        runs.add(run);
        boolean sustained = run.p(99) < P99_LIMIT_MS
                && run.errorRate() <= 0.01
                && run.achievedRate() >= rate * 0.95
                && drain <= DRAIN_LIMIT_SECONDS;
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("kind", kind);
        step.putAll(commands(run, cpu));
        step.put("backlogAtEnd", backlogAtEnd);
        step.put("drainSeconds", drain);
        Map<String, List<Double>> byKind = api.latencyByKind();
        step.put("byKind", byKind);
        step.put("sentAgain", api.retries() - retriesBefore);
        step.put("readAgainAfter412", api.rereads() - rereadsBefore);
        step.put("sustained", sustained);
        System.out.printf(
                "  %-12s %6.0f commands/s for %3d s: p50 %6.1f ms, p99 %7.1f ms (%,d samples), errors %.2f %%, backlog %d,"
                        + " drained in %.1f s, CPU %.2f ms/command, %d sent again, %d read again after 412 → %s%n",
                kind,
                rate,
                seconds,
                run.p(50),
                run.p(99),
                run.sent(),
                run.errorRate() * 100,
                backlogAtEnd,
                drain,
                (double) step.get("cpuMsPerCommand"),
                api.retries() - retriesBefore,
                api.rereads() - rereadsBefore,
                sustained ? "sustained" : "NOT sustained");
        byKind.forEach((name, stats) -> System.out.printf(
                "      %-20s %,6.0f sent, p50 %6.1f ms, p99 %7.1f ms, max %7.1f ms (from sending)%n",
                name,
                stats.get(0),
                stats.get(1),
                stats.get(2),
                stats.get(3)));
        return step;
    }

    /**
     * M5: the CPU a command costs all processes of the stack, as the slope between two command-only rates (25 % and
     * 50 % of M1, at least 5 and 10/s) — what one more command costs, free of the stack's fixed idle cost, which is
     * measured on its own (30 s, no load) and reported beside it. The load generator's CPU the same way.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> cpuPerCommand(double m1) throws Exception {
        System.out.println("M5: idle 30 s, then commands alone at 25 % and 50 % of M1");
        drain();
        Map<String, Double> before = observe.cpuSeconds();
        long start = System.nanoTime();
        Thread.sleep(30_000);
        double idleSeconds = (System.nanoTime() - start) / 1e9;
        Map<String, Double> idle = Observe.minus(observe.cpuSeconds(), before);
        double low = Math.max(5, Math.round(m1 * 0.25));
        double high = Math.max(10, Math.round(m1 * 0.5));
        int seconds = Integer.parseInt(settings.get("cpuPhaseSeconds"));
        Map<String, Object> lowRun = cpuPhase(low, seconds);
        Map<String, Object> highRun = cpuPhase(high, seconds);
        double lowStack = (double) lowRun.get("stackCpuPerSecond");
        double highStack = (double) highRun.get("stackCpuPerSecond");
        double lowGenerator = (double) lowRun.get("generatorCpuPerSecond");
        double highGenerator = (double) highRun.get("generatorCpuPerSecond");
        double lowRate = (double) lowRun.get("commandsPerSecond");
        double highRate = (double) highRun.get("commandsPerSecond");
        Map<String, Object> m5 = new LinkedHashMap<>();
        m5.put("marginalCpuMsPerCommand", (highStack - lowStack) * 1000.0 / (highRate - lowRate));
        m5.put("generatorMarginalCpuMsPerCommand", (highGenerator - lowGenerator) * 1000.0 / (highRate - lowRate));
        // the generator's own JIT and timers make its slope noisy at low rates: its average at 50 % is the headline
        m5.put("generatorCpuMsPerCommandAtHalf", highGenerator * 1000.0 / highRate);
        m5.put("idleStackCpuPerSecond", stackCpu(idle) / idleSeconds);
        // a second view, robust where M1 is low and the slope between two small rates is noisy: the confirmed M1
        // step's CPU (10,000 commands) less the idle cost, per command
        Map<String, Object> confirmed = confirmedStep();
        if (confirmed != null) {
            double rate = ((Number) confirmed.get("achievedRate")).doubleValue();
            double perCommand = ((Number) confirmed.get("cpuMsPerCommand")).doubleValue();
            m5.put(
                    "netCpuMsPerCommandAtM1",
                    perCommand - (stackCpu(idle) / idleSeconds) * 1000.0 / Math.max(1, rate));
        }
        Map<String, Double> idleByProcess = new TreeMap<>();
        idle.forEach((name, cpu) -> idleByProcess.put(name, cpu / idleSeconds));
        m5.put("idleCpuPerSecondByProcess", idleByProcess);
        m5.put("low", lowRun);
        m5.put("high", highRun);
        Map<String, Double> marginalByProcess = new TreeMap<>();
        Map<String, Double> lowBy = (Map<String, Double>) lowRun.get("cpuPerSecondByProcess");
        Map<String, Double> highBy = (Map<String, Double>) highRun.get("cpuPerSecondByProcess");
        highBy.forEach((name, cpu) -> {
            if (!name.equals("benchmark")) {
                marginalByProcess.put(name, (cpu - lowBy.getOrDefault(name, 0.0)) * 1000.0 / (highRate - lowRate));
            }
        });
        m5.put("marginalCpuMsPerCommandByProcess", marginalByProcess);
        System.out.printf(
                "  idle %.3f CPU s/s; %.0f/s → %.3f, %.0f/s → %.3f CPU s/s: %.2f ms per command (by process %s); at M1 less"
                        + " idle %s ms;"
                        + " generator %.2f ms per command (marginal), %.2f (average at 50 %%)%n",
                m5.get("idleStackCpuPerSecond"),
                lowRate,
                lowStack,
                highRate,
                highStack,
                m5.get("marginalCpuMsPerCommand"),
                marginalByProcess,
                m5.get("netCpuMsPerCommandAtM1"),
                m5.get("generatorMarginalCpuMsPerCommand"),
                m5.get("generatorCpuMsPerCommandAtHalf"));
        return m5;
    }

    /**
     * A profile of the stack at M1: Java Flight Recorder (its {@code profile} settings) in both services and the broker
     * for {@code seconds} of the command mix at {@code rate}, after M5 so that it does not disturb a measurement. Writes
     * {@code <process>.jfr} and the JDK's {@code jfr view hot-methods} of each to {@code <process>-hot-methods.txt}, its samples by layer
     * ({@link ProfileSummary}) to {@code <process>-layers.txt}.
     */
    private Map<String, Object> profile(double rate, int seconds, Path out) throws Exception {
        System.out.printf("profile: %d s at %.0f commands/s with JFR in both services and the broker%n", seconds, rate);
        String jdk = System.getProperty("java.home");
        Map<String, Object> files = new TreeMap<>();
        for (String name : List.of("command-service", "query-service", "kafka")) {
            Path file = out.resolve(name + ".jfr");
            run(List.of(
                    jdk + "/bin/jcmd",
                    Long.toString(pids.get(name).get(0)),
                    "JFR.start",
                    "name=benchmark",
                    "settings=profile",
                    "duration=" + (seconds + 5) + "s",
                    "filename=" + file));
            files.put(name, file.getFileName().toString());
        }
        OpenLoop.Result run = OpenLoop.run("profile " + Math.round(rate) + "/s", rate, seconds, api::nextCommand);
        drain();
        Thread.sleep(10_000);
        for (String name : List.of("command-service", "query-service", "kafka")) {
            Path file = out.resolve(name + ".jfr");
            String hot = run(List.of(jdk + "/bin/jfr", "view", "--width", "160", "hot-methods", file.toString()));
            Files.writeString(out.resolve(name + "-hot-methods.txt"), hot);
            String layers = ProfileSummary.summary(file);
            Files.writeString(out.resolve(name + "-layers.txt"), layers);
            System.out.print(layers);
        }
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("rate", rate);
        profile.put("seconds", seconds);
        profile.put("p99Ms", run.p(99));
        profile.put("recordings", files);
        return profile;
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> confirmedStep() {
        List<Map<String, Object>> steps = (List<Map<String, Object>>) result.get("M1_steps");
        return steps == null
                ? null
                : steps.stream()
                        .filter(step -> step.get("kind").equals("confirmation") && (boolean) step.get("sustained"))
                        .findFirst()
                        .orElse(null);
    }

    private Map<String, Object> cpuPhase(double rate, int seconds) throws Exception {
        Map<String, Double> before = observe.cpuSeconds();
        long start = System.nanoTime();
        OpenLoop.Result run = OpenLoop.run("M5 " + Math.round(rate) + "/s", rate, seconds, api::nextCommand);
        double elapsed = (System.nanoTime() - start) / 1e9;
        Map<String, Double> cpu = Observe.minus(observe.cpuSeconds(), before);
        runs.add(run);
        Map<String, Double> perSecond = new TreeMap<>();
        cpu.forEach((name, value) -> perSecond.put(name, value / elapsed));
        Map<String, Object> phase = new LinkedHashMap<>();
        phase.put("targetRate", rate);
        phase.put("commandsPerSecond", run.ok() / elapsed);
        phase.put("failed", run.failed());
        phase.put("p99Ms", run.p(99));
        phase.put("stackCpuPerSecond", stackCpu(cpu) / elapsed);
        phase.put("generatorCpuPerSecond", cpu.getOrDefault("benchmark", 0.0) / elapsed);
        phase.put("cpuPerSecondByProcess", perSecond);
        drain();
        return phase;
    }

    private static double stackCpu(Map<String, Double> cpu) {
        return cpu.entrySet().stream()
                .filter(e -> !e.getKey().equals("benchmark") && !Observe.isBreakdown(e.getKey()))
                .mapToDouble(Map.Entry::getValue)
                .sum();
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
        step.put("p99FromEnoughSamples", run.sent() >= SAMPLES_FOR_P99);
        step.put("maxMs", run.latency().getMaxValue() / 1000.0);
        step.put("cpuSecondsByProcess", cpu);
        step.put("cpuMsPerCommand", stackCpu(cpu) * 1000.0 / Math.max(1, run.ok()));
        step.put("generatorCpuMsPerCommand", cpu.getOrDefault("benchmark", 0.0) * 1000.0 / Math.max(1, run.ok()));
        return step;
    }

    /** M4's query kinds, each with the URI template the query service's request metrics name it by. */
    private static final Map<String, String> QUERY_KINDS = new LinkedHashMap<>();

    static {
        QUERY_KINDS.put("outstanding", "/api/agenda-items/outstanding");
        QUERY_KINDS.put("timeline", "/api/agenda-items/{id}/timeline");
        QUERY_KINDS.put("item", "/api/agenda-items/{id}");
        QUERY_KINDS.put("search", "/api/agenda-items");
    }

    private Supplier<CompletableFuture<HttpResponse<String>>> query(String kind) {
        return switch (kind) {
            case "outstanding" -> api::outstanding;
            case "timeline" -> api::timeline;
            case "item" -> api::item;
            case "search" -> api::search;
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /**
     * One query kind's latency as the client saw it beside the service's own time for it (its request histogram
     * differenced between two scrapes; NaN when the service recorded none).
     */
    private static Map<String, Object> queryLatency(
            String kind,
            OpenLoop.Result run,
            Map<String, TreeMap<Double, Double>> serverBefore,
            Map<String, TreeMap<Double, Double>> serverAfter) {
        TreeMap<Double, Double> before = serverBefore.get(QUERY_KINDS.get(kind));
        TreeMap<Double, Double> after = serverAfter.get(QUERY_KINDS.get(kind));
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("p50Ms", run.p(50));
        latency.put("p99Ms", run.p(99));
        latency.put("failed", run.failed());
        latency.put("sent", run.sent());
        latency.put("p99FromEnoughSamples", run.sent() >= SAMPLES_FOR_P99);
        latency.put("serviceP50Ms", after == null ? Double.NaN : Observe.percentile(after, before, 50));
        latency.put("serviceP99Ms", after == null ? Double.NaN : Observe.percentile(after, before, 99));
        latency.put("serviceSamples", after == null ? 0.0 : Observe.count(after, before));
        return latency;
    }

    /**
     * M4's floor: the four query kinds alone (no commands), 10/s of each for 30 s on the same data — what a query costs
     * when nothing else wants the cores: latency as the client saw it, the service's own time, and the CPU the query
     * service and the query database used per query.
     */
    private Map<String, Object> queriesAlone() throws Exception {
        int seconds = 30;
        System.out.printf("M4 floor: 10 queries/s of each of %s for %d s, no commands%n", QUERY_KINDS.keySet(), seconds);
        var serverBefore = observe.serverTimeBuckets();
        Map<String, Double> cpuBefore = observe.cpuSeconds();
        ExecutorService queries = Executors.newFixedThreadPool(QUERY_KINDS.size());
        Map<String, Future<OpenLoop.Result>> queryRuns = new LinkedHashMap<>();
        QUERY_KINDS.forEach((kind, uri) ->
                queryRuns.put(kind, queries.submit(() -> OpenLoop.run(kind + " alone", 10, seconds, query(kind)))));
        Map<String, Object> floor = new LinkedHashMap<>();
        long answered = 0;
        Map<String, OpenLoop.Result> results = new LinkedHashMap<>();
        for (var run : queryRuns.entrySet()) {
            results.put(run.getKey(), run.getValue().get());
            answered += results.get(run.getKey()).ok();
        }
        queries.shutdown();
        Map<String, Double> cpu = Observe.minus(observe.cpuSeconds(), cpuBefore);
        var serverAfter = observe.serverTimeBuckets();
        results.forEach((kind, run) -> floor.put(kind, queryLatency(kind, run, serverBefore, serverAfter)));
        floor.put("queryServiceCpuMsPerQuery", cpu.getOrDefault("query-service", 0.0) * 1000.0 / Math.max(1, answered));
        floor.put(
                "queryDatabaseCpuMsPerQuery",
                cpu.getOrDefault("postgres/sagsspor_query", 0.0) * 1000.0 / Math.max(1, answered));
        System.out.printf("  %s%n", floor);
        return floor;
    }

    /**
     * M2 and M4: commands at {@code rate} with 10 queries/s of each kind beside them; the projections' lag from the
     * service's own histogram. Each query kind's latency as the client saw it (from when it was due) is put beside the
     * service's own time for it (its request histogram) and how long runnable tasks waited for a CPU in the phase, so
     * the report says where a query's time went: the service, or waiting to be run and read.
     */
    private Map<String, Object> loadWithQueries(double rate, int percentOfM1) throws Exception {
        int seconds = Integer.parseInt(settings.get("phaseSeconds"));
        System.out.printf(
                "M2/M4 at %d %% of M1: %.0f commands/s for %d s, with 10 queries/s of each of %s%n",
                percentOfM1, rate, seconds, QUERY_KINDS.keySet());
        var lagBefore = observe.lagBuckets();
        var serverBefore = observe.serverTimeBuckets();
        Map<String, Double> cpuBefore = observe.cpuSeconds();
        double cpuWaitBefore = Observe.cpuWaitMicros();
        long phaseStart = System.nanoTime();
        ExecutorService queries = Executors.newFixedThreadPool(QUERY_KINDS.size());
        Map<String, Future<OpenLoop.Result>> queryRuns = new LinkedHashMap<>();
        QUERY_KINDS.forEach((kind, uri) -> queryRuns.put(
                kind, queries.submit(() -> OpenLoop.run(kind + " " + percentOfM1 + "%", 10, seconds, query(kind)))));
        OpenLoop.Result commandRun = OpenLoop.run(percentOfM1 + "% of M1", rate, seconds, api::nextCommand);
        Map<String, OpenLoop.Result> queryResults = new LinkedHashMap<>();
        for (var run : queryRuns.entrySet()) {
            queryResults.put(run.getKey(), run.getValue().get());
        }
        double cpuWaitShare = (Observe.cpuWaitMicros() - cpuWaitBefore) / ((System.nanoTime() - phaseStart) / 1e3);
        queries.shutdown();
        Map<String, Double> cpu = Observe.minus(observe.cpuSeconds(), cpuBefore);
        var serverAfter = observe.serverTimeBuckets();
        drain();
        var lagAfter = observe.lagBuckets();
        runs.add(commandRun);
        Map<String, Object> lag = new TreeMap<>();
        lagAfter.forEach((projection, buckets) -> lag.put(
                projection,
                Map.of(
                        "p50Ms", Observe.percentile(buckets, lagBefore.get(projection), 50),
                        "p99Ms", Observe.percentile(buckets, lagBefore.get(projection), 99),
                        "samples", Observe.count(buckets, lagBefore.get(projection)))));
        Map<String, Object> queryLatency = new LinkedHashMap<>();
        queryResults.forEach((kind, run) -> queryLatency.put(kind, queryLatency(kind, run, serverBefore, serverAfter)));
        Map<String, Object> commandStats = new LinkedHashMap<>(commands(commandRun, cpu));
        commandStats.put("cpuWaitShare", cpuWaitShare);
        System.out.printf(
                "  commands p99 %.1f ms; lag %s; queries %s; a task waited for a CPU %.0f %% of the time%n",
                commandRun.p(99), lag, queryLatency, cpuWaitShare * 100);
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
