package dk.sagsspor.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes the result as JSON, a Markdown report with every metric beside its baseline, and the latency plot. */
final class Report {

    private Report() {}

    @SuppressWarnings("unchecked")
    static void write(
            Path out,
            Map<String, Object> result,
            List<OpenLoop.Result> runs,
            List<Baselines.Round> rounds,
            Map<String, String> settings)
            throws Exception {
        JsonMapper json = JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build();
        Files.write(out.resolve("result.json"), json.writeValueAsBytes(result));
        plot(out.resolve("latency.png"), runs);

        double pgInserts = mean(rounds, Baselines.Round::postgresInsertsPerSecond);
        double pgCpu = mean(rounds, Baselines.Round::postgresCpuMsPerInsert);
        double pgSelect = mean(rounds, Baselines.Round::postgresSelectP99Ms);
        double kafkaProduce = mean(rounds, Baselines.Round::kafkaProducedPerSecond);
        double kafkaConsume = mean(rounds, Baselines.Round::kafkaConsumedPerSecond);
        double kafkaP99 = mean(rounds, Baselines.Round::kafkaEndToEndP99Ms);
        double m1 = number(result, "M1_commandsPerSecond");
        Map<String, Map<String, Object>> m2 = (Map<String, Map<String, Object>>) result.get("M2_lag");
        Map<String, Map<String, Object>> m4 = (Map<String, Map<String, Object>>) result.get("M4_queries");
        Map<String, Object> m5 = (Map<String, Object>) result.get("M5");
        Map<String, Object> warmUp = (Map<String, Object>) result.get("warmUp");
        Rebuild.Result m3 = (Rebuild.Result) result.get("M3_rebuild");
        List<Map<String, Object>> steps = (List<Map<String, Object>>) result.get("M1_steps");

        StringBuilder md = new StringBuilder();
        md.append("# Sagsspor benchmark").append(label(settings)).append("\n\n");
        md.append(String.format(
                Locale.ROOT,
                "Run %s → %s on %s; services: Java %s, `%s`; everything on this machine (PostgreSQL, Kafka, both"
                        + " services, the load generator). Open-loop, constant arrival rate; latency counted from when"
                        + " each request was due, retries included.%n%n",
                result.get("started"),
                result.get("finished"),
                result.get("machine"),
                result.get("java"),
                result.get("serviceJavaOptions")));
        if (m1 == 0) {
            md.append("**No rate was confirmed**, so there is no M1: M2 and M4 ran at the floor rate (10 commands/s,"
                    + " labelled 50 %) and M5 between 5 and 10 commands/s.\n\n");
        }
        md.append("| metric | measured | baseline (same run) | ratio | target |\n|---|---|---|---|---|\n");
        row(md, "M1 commands/s sustained (confirmed: p99 < 100 ms, backlog drained ≤ 5 s)", m1, "PostgreSQL single-row inserts/s", pgInserts, m1 / pgInserts, "≥ 1,000");
        row(md, "M2 command → read model lag p99 at 50 % of M1 (slowest projection), ms" + fewer(m2), number(result, "M2_lagP99Ms"), "Kafka end-to-end p99, ms", kafkaP99, number(result, "M2_lagP99Ms") / kafkaP99, "≤ 150 ms");
        row(md, String.format(Locale.ROOT, "M3 rebuild, events/s per projection (%,d events, %d projections at once)", m3.events(), m3.projections()), m3.eventsPerSecond(), "Kafka consumer records/s", kafkaConsume, m3.eventsPerSecond() / kafkaConsume, "≥ 20,000");
        row(md, "M4 query p99 at 50 % of M1 (slower query kind), ms" + fewer(m4), number(result, "M4_queryP99Ms"), "PostgreSQL select by key p99, ms", pgSelect, number(result, "M4_queryP99Ms") / pgSelect, "≤ 10 ms");
        row(md, "M5 CPU per command, all stack processes, marginal between 25 % and 50 % of M1, ms", number(result, "M5_cpuMsPerCommand"), "PostgreSQL CPU per raw insert, ms", pgCpu, number(result, "M5_cpuMsPerCommand") / pgCpu, "≤ 2 ms");
        md.append(String.format(
                Locale.ROOT,
                "%nM5 in parts: by process (ms per command, marginal) %s; at M1 (the confirmation step, 10,000 commands)"
                        + " less the idle cost: %s ms per command; the stack idle uses %.3f CPU s per s (%s);"
                        + " the load generator %.2f ms per command (its average at 50 %% of M1; marginal %.2f), not counted"
                        + " in M5.%n",
                rounded((Map<String, Double>) m5.get("marginalCpuMsPerCommandByProcess")),
                m5.get("netCpuMsPerCommandAtM1") == null
                        ? "no confirmed M1"
                        : String.format(Locale.ROOT, "%.2f", ((Number) m5.get("netCpuMsPerCommandAtM1")).doubleValue()),
                ((Number) m5.get("idleStackCpuPerSecond")).doubleValue(),
                rounded((Map<String, Double>) m5.get("idleCpuPerSecondByProcess")),
                number(result, "generatorCpuMsPerCommand"),
                ((Number) m5.get("generatorMarginalCpuMsPerCommand")).doubleValue()));
        md.append(String.format(
                Locale.ROOT,
                "%nWarm-up (%s s at %s commands/s and half as many queries): the stack's CPU settled after %.0f s at %.2f CPU s per"
                        + " s; command p99 over the warm-up %.1f ms, over its last minute %.1f ms. CPU s per s by 10 s window:"
                        + " %s%n",
                warmUp.get("seconds"),
                warmUp.get("commandsPerSecond"),
                ((Number) warmUp.get("settledAfterSeconds")).doubleValue(),
                ((Number) warmUp.get("steadyStackCpuPerSecond")).doubleValue(),
                ((Number) warmUp.get("commandP99Ms")).doubleValue(),
                ((Number) warmUp.get("lastMinuteCommandP99Ms")).doubleValue(),
                windows((List<Map<String, Double>>) warmUp.get("windows"))));
        md.append(String.format(Locale.ROOT, "%nRetries by the client: %s%n", result.get("retries")));
        md.append("\nBaselines, three rounds interleaved with the measurements (before M1, after M1, after M2/M4):\n\n");
        md.append("| round | PG inserts/s | PG CPU ms/insert | PG select p99 ms | Kafka produce/s | Kafka consume/s | Kafka e2e p50 ms | Kafka e2e p99 ms |\n|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < rounds.size(); i++) {
            Baselines.Round r = rounds.get(i);
            md.append(String.format(
                    Locale.ROOT,
                    "| %d | %,.0f | %.3f | %.2f | %,.0f | %,.0f | %.1f | %.1f |%n",
                    i + 1,
                    r.postgresInsertsPerSecond(),
                    r.postgresCpuMsPerInsert(),
                    r.postgresSelectP99Ms(),
                    r.kafkaProducedPerSecond(),
                    r.kafkaConsumedPerSecond(),
                    r.kafkaEndToEndP50Ms(),
                    r.kafkaEndToEndP99Ms()));
        }
        md.append("\nM1 steps (open loop, each step then waits for the relay and projections to drain; a p99 marked * is"
                + " from fewer than 10,000 samples):\n\n");
        md.append("| kind | target/s | achieved/s | samples | p50 ms | p99 ms | max ms | failed | backlog at end | drain s | CPU ms/command | CPU s by process | sustained |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Map<String, Object> step : steps) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %.0f | %.0f | %,d | %.1f | %.1f%s | %.0f | %d | %d | %.1f | %.2f | %s | %s |%n",
                    step.get("kind"),
                    ((Number) step.get("targetRate")).doubleValue(),
                    ((Number) step.get("achievedRate")).doubleValue(),
                    ((Number) step.get("sent")).longValue(),
                    ((Number) step.get("p50Ms")).doubleValue(),
                    ((Number) step.get("p99Ms")).doubleValue(),
                    (boolean) step.get("p99FromEnoughSamples") ? "" : "*",
                    ((Number) step.get("maxMs")).doubleValue(),
                    ((Number) step.get("failed")).longValue(),
                    ((Number) step.get("backlogAtEnd")).longValue(),
                    ((Number) step.get("drainSeconds")).doubleValue(),
                    ((Number) step.get("cpuMsPerCommand")).doubleValue(),
                    cpu((Map<String, Double>) step.get("cpuSecondsByProcess")),
                    step.get("sustained")));
        }
        md.append(String.format(
                Locale.ROOT,
                "%nM2 lag by projection (ms) at 50 %% of M1: %s%n%nM3: %,d events in %.1f s per projection;"
                        + " the rebuilding service used %.1f CPU s, PostgreSQL for its database %.1f CPU s.%n",
                m2,
                m3.events(),
                m3.seconds(),
                m3.cpuSeconds(),
                m3.postgresCpuSeconds()));
        queries(md, m4, (Map<String, Object>) result.get("phase50"), (Map<String, Object>) result.get("M4_floor"));
        md.append("\n![command latency over time](latency.png)\n");
        Files.writeString(out.resolve("report.md"), md);
        System.out.print(md);
    }

    private static double number(Map<String, Object> result, String key) {
        return ((Number) result.get(key)).doubleValue();
    }

    /** A note when a p99 below rests on fewer than 10,000 samples. */
    private static String fewer(Map<String, Map<String, Object>> byName) {
        long fewest = byName.values().stream()
                .mapToLong(stats -> ((Number) stats.getOrDefault("samples", stats.getOrDefault("sent", 0))).longValue())
                .filter(samples -> samples > 0)
                .min()
                .orElse(0);
        return fewest < Benchmark.SAMPLES_FOR_P99
                ? String.format(Locale.ROOT, " (from as few as %,d samples: below 10,000)", fewest)
                : "";
    }

    private static String rounded(Map<String, Double> values) {
        List<String> parts = new ArrayList<>();
        values.forEach((name, value) -> parts.add(String.format(Locale.ROOT, "%s %.3f", name, value)));
        return String.join(", ", parts);
    }

    private static String windows(List<Map<String, Double>> windows) {
        List<String> parts = new ArrayList<>();
        windows.forEach(w -> parts.add(String.format(Locale.ROOT, "%.2f", w.get("stackCpuPerSecond"))));
        return String.join(" ", parts);
    }

    private static String label(Map<String, String> settings) {
        String label = settings.get("label");
        return label == null || label.isBlank() ? "" : " — " + label;
    }

    private static String cpu(Map<String, Double> cpu) {
        List<String> parts = new ArrayList<>();
        cpu.forEach((name, seconds) -> parts.add(String.format(Locale.ROOT, "%s %.1f", name, seconds)));
        return String.join(", ", parts);
    }

    private static void row(
            StringBuilder md, String metric, double value, String baseline, double base, double ratio, String target) {
        md.append(String.format(
                Locale.ROOT, "| %s | %,.1f | %s: %,.1f | %.3f | %s |%n", metric, value, baseline, base, ratio, target));
    }

    private static double mean(List<Baselines.Round> rounds, java.util.function.ToDoubleFunction<Baselines.Round> f) {
        return rounds.stream().mapToDouble(f).average().orElse(Double.NaN);
    }

    /** p50 and p99 of the commands, per second, over the whole run (x: seconds since the first measured run). */
    private static void plot(Path file, List<OpenLoop.Result> runs) throws Exception {
        XYChart chart = new XYChartBuilder()
                .width(1200)
                .height(500)
                .title("Command latency over time (open loop), per second")
                .xAxisTitle("seconds since the first step")
                .yAxisTitle("ms")
                .build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setMarkerSize(0);
        long origin = runs.get(0).startMillis();
        for (OpenLoop.Result run : runs) {
            List<Double> x = new ArrayList<>();
            List<Double> p50 = new ArrayList<>();
            List<Double> p99 = new ArrayList<>();
            for (double[] second : run.perSecond()) {
                if (Double.isNaN(second[2])) {
                    continue;
                }
                x.add((run.startMillis() - origin) / 1000.0 + second[0]);
                p50.add(Math.max(0.1, second[1]));
                p99.add(Math.max(0.1, second[2]));
            }
            if (x.isEmpty()) {
                continue;
            }
            chart.addSeries(run.name() + " p99", x, p99).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            chart.addSeries(run.name() + " p50", x, p50).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /**
     * M4 by query kind: the latency the client saw (from when each query was due) beside the service's own time for it,
     * and how much of the phase a runnable task waited for a CPU.
     */
    @SuppressWarnings("unchecked")
    private static void queries(
            StringBuilder md, Map<String, Map<String, Object>> m4, Map<String, Object> phase, Map<String, Object> floor) {
        md.append("\nM4 queries at 50 % of M1 (10/s of each kind beside the commands), ms — the client's latency from when a"
                + " query was due, and the query service's own time for it (its `http.server.requests` histogram):\n\n"
                + "| query | sent | failed | client p50 | client p99 | service p50 | service p99 |\n|---|---|---|---|---|---|---|\n");
        m4.forEach((kind, q) -> md.append(String.format(
                Locale.ROOT,
                "| %s | %,d | %d | %.1f | %.1f | %.1f | %.1f |%n",
                kind,
                ((Number) q.get("sent")).longValue(),
                ((Number) q.get("failed")).longValue(),
                ((Number) q.get("p50Ms")).doubleValue(),
                ((Number) q.get("p99Ms")).doubleValue(),
                ((Number) q.getOrDefault("serviceP50Ms", Double.NaN)).doubleValue(),
                ((Number) q.getOrDefault("serviceP99Ms", Double.NaN)).doubleValue())));
        if (floor != null) {
            md.append("\nThe same queries alone (no commands, 10/s of each kind for 30 s, just before), ms:\n\n"
                    + "| query | client p50 | client p99 | service p50 | service p99 |\n|---|---|---|---|---|\n");
            floor.forEach((kind, value) -> {
                if (value instanceof Map<?, ?> q) {
                    md.append(String.format(
                            Locale.ROOT,
                            "| %s | %.1f | %.1f | %.1f | %.1f |%n",
                            kind,
                            ((Number) q.get("p50Ms")).doubleValue(),
                            ((Number) q.get("p99Ms")).doubleValue(),
                            ((Number) q.get("serviceP50Ms")).doubleValue(),
                            ((Number) q.get("serviceP99Ms")).doubleValue()));
                }
            });
            md.append(String.format(
                    Locale.ROOT,
                    "%nCPU per query alone: the query service %.2f ms, the query database %.2f ms.%n",
                    ((Number) floor.get("queryServiceCpuMsPerQuery")).doubleValue(),
                    ((Number) floor.get("queryDatabaseCpuMsPerQuery")).doubleValue()));
        }
        if (phase != null && phase.get("cpuWaitShare") instanceof Number wait) {
            md.append(String.format(
                    Locale.ROOT,
                    "%nIn that phase at least one runnable task waited for a CPU %.0f %% of the time (`/proc/pressure/cpu`, some).%n",
                    wait.doubleValue() * 100));
        }
    }
}
