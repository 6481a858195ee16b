package dk.sagsspor.benchmark;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A quick look between benchmark runs, against the one-machine stack started as run.sh starts it (oidc mode, the
 * benchmark's key in {@code bench.keys}):
 *
 * <ul>
 *   <li>{@code Probe RATE SECONDS}: sets up a few items and runs the command mix at RATE for SECONDS, printing latency;
 *   <li>{@code Probe queries RATE SECONDS}: the M4 queries alone (the four kinds in turn);
 *   <li>{@code Probe seq N}: N commands one after another;
 *   <li>{@code Probe baselines}: one round of the baselines;
 *   <li>{@code Probe token}: prints a bearer token of the benchmark's user (admin, monitoring), e.g. for the metrics;
 *   <li>{@code Probe rebuild EVENTS}: M3 alone (needs {@code bench.queryJar} and {@code bench.var}).
 * </ul>
 */
final class Probe {

    private Probe() {}

    public static void main(String[] args) throws Exception {
        String token = Tokens.token(
                Tokens.privateKey(Path.of(System.getProperty("bench.keys"))), "benchmark", List.of("secretary:*", "admin", "monitoring"));
        if (args[0].equals("token")) {
            System.out.println(token);
            return;
        }
        Api api = new Api("http://127.0.0.1:8081", "http://127.0.0.1:8082", token);
        if (args[0].equals("baselines")) {
            Observe observe = new Observe(
                    Map.of(), "127.0.0.1:19092", "jdbc:postgresql://127.0.0.1:15432/sagsspor_command", "http://127.0.0.1:8082", token);
            System.out.println(new Baselines("jdbc:postgresql://127.0.0.1:15432/sagsspor_bench", "127.0.0.1:19092")
                    .round(java.time.Duration.ofSeconds(5), observe));
            return;
        }
        if (args[0].equals("rebuild")) {
            Path var = Path.of(System.getProperty("bench.var"));
            Observe observe = new Observe(
                    Map.of(), "127.0.0.1:19092", "jdbc:postgresql://127.0.0.1:15432/sagsspor_command", "http://127.0.0.1:8082", token);
            Rebuild.Result result = new Rebuild(
                            new ServiceJar(
                                    "127.0.0.1:19092",
                                    "jdbc:postgresql://127.0.0.1:15432/",
                                    var.resolve("keys/public.pem"),
                                    var.resolve("logs")),
                            Path.of(System.getProperty("bench.queryJar")))
                    .run(Long.parseLong(args[1]), token, observe);
            System.out.println(result);
            return;
        }
        api.setUp(2, 25, 100);
        if (args[0].equals("queries")) {
            int[] turn = {0};
            OpenLoop.Result run = OpenLoop.run("queries", Double.parseDouble(args[1]), Integer.parseInt(args[2]), () ->
                    switch (turn[0]++ % 4) {
                        case 0 -> api.outstanding();
                        case 1 -> api.timeline();
                        case 2 -> api.item();
                        default -> api.search();
                    });
            System.out.printf(
                    "queries %.0f/s: p50 %.1f ms p99 %.1f ms, failed %d of %d%n",
                    run.targetRate(), run.p(50), run.p(99), run.failed(), run.sent());
            return;
        }
        if (args[0].equals("seq")) {
            for (int i = 0; i < Integer.parseInt(args[1]); i++) {
                long start = System.nanoTime();
                var response = api.nextCommand().join();
                System.out.printf("%d %.1f ms%n", response.statusCode(), (System.nanoTime() - start) / 1e6);
            }
            return;
        }
        OpenLoop.Result run = OpenLoop.run("probe", Double.parseDouble(args[0]), Integer.parseInt(args[1]), api::nextCommand);
        System.out.printf(
                "%.0f/s: p50 %.1f ms p99 %.1f ms max %.1f ms, failed %d of %d%n",
                run.targetRate(), run.p(50), run.p(99), run.latency().getMaxValue() / 1000.0, run.failed(), run.sent());
    }
}
