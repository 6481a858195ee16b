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
        double m1 = ((Number) result.get("M1_commandsPerSecond")).doubleValue();
        Map<String, Object> m2 = (Map<String, Object>) result.get("M2_lag");
        Map<String, Object> m4 = (Map<String, Object>) result.get("M4_queries");
        Rebuild.Result m3 = (Rebuild.Result) result.get("M3_rebuild");
        List<Map<String, Object>> steps = (List<Map<String, Object>>) result.get("M1_steps");
        Map<String, Object> best = steps.stream()
                .filter(step -> (boolean) step.get("sustained"))
                .reduce((a, b) -> ((Number) a.get("targetRate")).doubleValue()
                                >= ((Number) b.get("targetRate")).doubleValue()
                        ? a
                        : b)
                .orElse(steps.get(0));
        double m5 = ((Number) best.get("cpuMsPerCommand")).doubleValue();

        StringBuilder md = new StringBuilder();
        md.append("# Sagsspor benchmark").append(label(settings)).append("\n\n");
        md.append(String.format(
                Locale.ROOT,
                "Run %s → %s on %s; everything on this machine (PostgreSQL, Kafka, both services, the load generator)."
                        + " Open-loop, constant arrival rate; latency counted from when each request was due.%n%n",
                result.get("started"),
                result.get("finished"),
                result.get("machine")));
        if (m1 == 0) {
            md.append("**No step was sustained**, so there is no M1: M2 and M4 ran at the floor rates (25 and 40"
                    + " commands/s, labelled 50 % and 80 %) and M5 is taken at the first step.\n\n");
        }
        md.append("| metric | measured | baseline (same run) | ratio | target |\n|---|---|---|---|---|\n");
        row(md, "M1 commands/s sustained (p99 < 100 ms, backlog drained ≤ 5 s)", m1, "PostgreSQL single-row inserts/s", pgInserts, m1 / pgInserts, "≥ 1,000");
        for (String phase : List.of("50%", "80%")) {
            Map<String, Map<String, Double>> lag = (Map<String, Map<String, Double>>) m2.get(phase);
            double p50 = lag.values().stream().mapToDouble(l -> l.get("p50Ms")).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
            double p99 = lag.values().stream().mapToDouble(l -> l.get("p99Ms")).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
            row(md, "M2 command → read model lag p50 at " + phase + " of M1 (slowest projection), ms", p50, "Kafka end-to-end p99, ms", kafkaP99, p50 / kafkaP99, "");
            row(md, "M2 command → read model lag p99 at " + phase + " of M1 (slowest projection), ms", p99, "Kafka end-to-end p99, ms", kafkaP99, p99 / kafkaP99, phase.equals("50%") ? "≤ 150 ms" : "");
        }
        row(md, String.format(Locale.ROOT, "M3 rebuild, events/s per projection (%,d events, %d projections at once)", m3.events(), m3.projections()), m3.eventsPerSecond(), "Kafka consumer records/s", kafkaConsume, m3.eventsPerSecond() / kafkaConsume, "≥ 20,000");
        for (String phase : List.of("50%", "80%")) {
            Map<String, Map<String, Object>> queries = (Map<String, Map<String, Object>>) m4.get(phase);
            queries.forEach((query, stats) -> row(
                    md,
                    "M4 query p99 under load at " + phase + " of M1: " + query + ", ms",
                    ((Number) stats.get("p99Ms")).doubleValue(),
                    "PostgreSQL select by key p99, ms",
                    pgSelect,
                    ((Number) stats.get("p99Ms")).doubleValue() / pgSelect,
                    phase.equals("50%") ? "≤ 10 ms" : ""));
        }
        row(md, "M5 CPU per command, all processes, ms (at M1)", m5, "PostgreSQL CPU per raw insert, ms", pgCpu, m5 / pgCpu, "");
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
        md.append("\nM1 steps (open loop, each step then waits for the relay and projections to drain):\n\n");
        md.append("| target/s | achieved/s | p50 ms | p99 ms | max ms | failed | backlog at end | drain s | CPU ms/command | CPU s by process | sustained |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Map<String, Object> step : steps) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %.0f | %.0f | %.1f | %.1f | %.0f | %d | %d | %.1f | %.2f | %s | %s |%n",
                    ((Number) step.get("targetRate")).doubleValue(),
                    ((Number) step.get("achievedRate")).doubleValue(),
                    ((Number) step.get("p50Ms")).doubleValue(),
                    ((Number) step.get("p99Ms")).doubleValue(),
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
                "%nM2 lag by projection (ms): %s%n%nM4 queries: %s%n%nM3: %,d events in %.1f s per projection;"
                        + " the rebuilding service used %.1f CPU s.%n",
                m2,
                m4,
                m3.events(),
                m3.seconds(),
                m3.cpuSeconds()));
        md.append("\n![command latency over time](latency.png)\n");
        Files.writeString(out.resolve("report.md"), md);
        System.out.print(md);
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
}
