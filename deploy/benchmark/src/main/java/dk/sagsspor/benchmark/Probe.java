package dk.sagsspor.benchmark;

import java.nio.file.Path;
import java.util.List;

/**
 * A quick look between benchmark runs, against a stack that run.sh left running ({@code BENCH_KEEP=true}):
 * {@code Probe RATE SECONDS} sets up a few items and runs the command mix at RATE for SECONDS, printing latency.
 */
final class Probe {

    private Probe() {}

    public static void main(String[] args) throws Exception {
        String token = Tokens.token(
                Tokens.privateKey(Path.of(System.getProperty("bench.keys"))), "benchmark", List.of("secretary:*", "admin"));
        Api api = new Api("http://127.0.0.1:8081", "http://127.0.0.1:8082", token);
        api.setUp(2, 25, 100);
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
