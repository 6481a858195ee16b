package dk.sagsspor.benchmark;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Constant-arrival-rate load: request i is due at {@code start + i / rate}, whether or not earlier ones have been
 * answered, and its latency counts from when it was due — so a slow service cannot hide its latency by slowing the
 * load down (no coordinated omission). Records a histogram for the whole run and one per second.
 */
final class OpenLoop {

    /** What one run measured. */
    record Result(
            String name,
            double targetRate,
            double achievedRate,
            long sent,
            long ok,
            long failed,
            Histogram latency,
            List<double[]> perSecond,
            long startMillis,
            Histogram lastMinute) {

        /** A percentile over the run's last minute, in ms. */
        double lastMinuteP(double percentile) {
            return lastMinute.getValueAtPercentile(percentile) / 1000.0;
        }

        double p(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1000.0;
        }

        double errorRate() {
            return sent == 0 ? 0 : (double) failed / sent;
        }
    }

    private OpenLoop() {}

    /**
     * Runs {@code request} at {@code rate} per second for {@code seconds}, then waits for the stragglers; per second of
     * the run: {time since start, p50, p99, max} in milliseconds.
     */
    static Result run(String name, double rate, int seconds, Supplier<CompletableFuture<HttpResponse<String>>> request)
            throws InterruptedException {
        Recorder recorder = new Recorder(3_600_000_000L, 3);
        Histogram total = new Histogram(3_600_000_000L, 3);
        List<double[]> perSecond = new ArrayList<>();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        long count = Math.round(rate * seconds);
        long intervalNanos = (long) (1_000_000_000L / rate);
        long start = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        long nextSecond = start + 1_000_000_000L;
        Histogram interval = null;
        java.util.ArrayDeque<Histogram> recent = new java.util.ArrayDeque<>();
        for (long i = 0; i < count; i++) {
            long due = start + i * intervalNanos;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(Math.min(wait, 1_000_000L));
            }
            while (System.nanoTime() >= nextSecond) {
                interval = recorder.getIntervalHistogram();
                total.add(interval);
                recent.addLast(interval);
                if (recent.size() > 60) {
                    recent.removeFirst();
                }
                perSecond.add(row(nextSecond - start, interval));
                nextSecond += 1_000_000_000L;
            }
            CompletableFuture<?> sent = request.get().whenComplete((response, error) -> {
                recorder.recordValue(Math.max(1, (System.nanoTime() - due) / 1000));
                if (error == null && response.statusCode() < 300) {
                    ok.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
            });
            inFlight.add(sent);
            if (inFlight.size() > 10_000) {
                inFlight.removeIf(CompletableFuture::isDone);
            }
        }
        try {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (Exception stragglers) {
            // counted as failures by whenComplete, or still open: reported as failures below
        }
        long elapsed = System.nanoTime() - start;
        interval = recorder.getIntervalHistogram();
        total.add(interval);
        perSecond.add(row(elapsed, interval));
        Histogram lastMinute = new Histogram(3_600_000_000L, 3);
        recent.forEach(lastMinute::add);
        lastMinute.add(interval);
        long answered = ok.get() + failed.get();
        return new Result(
                name,
                rate,
                count / (elapsed / 1e9),
                count,
                ok.get(),
                failed.get() + (count - answered),
                total,
                perSecond,
                startMillis,
                lastMinute);
    }

    private static double[] row(long sinceStartNanos, Histogram interval) {
        return new double[] {
            sinceStartNanos / 1e9,
            interval.getTotalCount() == 0 ? Double.NaN : interval.getValueAtPercentile(50) / 1000.0,
            interval.getTotalCount() == 0 ? Double.NaN : interval.getValueAtPercentile(99) / 1000.0,
            interval.getTotalCount() == 0 ? Double.NaN : interval.getMaxValue() / 1000.0
        };
    }
}
