package dk.sagsspor.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What the benchmark reads from the running system: CPU time of its processes (from {@code /proc}), the query
 * service's projection-lag and request-time histograms (Prometheus buckets, so a phase's percentiles come from the
 * difference of two scrapes), the projections' consumer-group lag, the relay's backlog in the event store, and how long
 * runnable tasks waited for a CPU.
 */
final class Observe implements AutoCloseable {

    private static final long CLOCK_TICKS = 100;
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"([^\"]*)\"");

    private final Map<String, List<Long>> processes;
    private final Admin admin;
    private final String commandDatabase;
    private final String queryUrl;
    private final String token;
    private final HttpClient http = HttpClient.newHttpClient();

    /** @param pids the system's processes by name; PostgreSQL by its postmaster, whose children are counted too */
    Observe(Map<String, List<Long>> pids, String bootstrap, String commandDatabase, String queryUrl, String token) {
        this.processes = pids;
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        this.admin = Admin.create(properties);
        this.commandDatabase = commandDatabase;
        this.queryUrl = queryUrl;
        this.token = token;
    }

    /**
     * CPU seconds (user + system) used so far, by process name. PostgreSQL's is also split, under names with a
     * {@code /} that are not part of any sum: its backends by the database they serve (their process title names it),
     * and everything else (the postmaster, WAL writer, checkpointer, ended backends) as {@code postgres/other}.
     */
    Map<String, Double> cpuSeconds() {
        Map<String, Double> seconds = new TreeMap<>();
        processes.forEach((name, pids) -> {
            double sum = 0;
            for (long pid : pids) {
                sum += ticks(pid);
                if (name.equals("postgres")) {
                    // backends that ended (the baseline's connections) were reaped by the postmaster
                    long other = ticks(pid) + reapedChildTicks(pid);
                    sum += reapedChildTicks(pid);
                    Map<String, Long> byDatabase = new TreeMap<>();
                    for (long child : children(pid)) {
                        long ticks = ticks(child);
                        sum += ticks;
                        String database = database(child);
                        if (database == null) {
                            other += ticks;
                        } else {
                            byDatabase.merge(database, ticks, Long::sum);
                        }
                    }
                    byDatabase.forEach((database, ticks) ->
                            seconds.merge("postgres/" + database, (double) ticks / CLOCK_TICKS, Double::sum));
                    seconds.merge("postgres/other", (double) other / CLOCK_TICKS, Double::sum);
                }
            }
            seconds.put(name, sum / CLOCK_TICKS);
        });
        return seconds;
    }

    /** Whether a name from {@link #cpuSeconds()} is a part of another one's figure (not to be added to it). */
    static boolean isBreakdown(String name) {
        return name.contains("/");
    }

    /** The database a PostgreSQL backend serves, from its process title ("postgres: user database host …"). */
    private static String database(long pid) {
        try {
            String[] title = Files.readString(Path.of("/proc/" + pid + "/cmdline"))
                    .replace('\0', ' ')
                    .strip()
                    .split("\\s+");
            return title.length >= 4 && title[0].equals("postgres:") && title[3].contains("(") ? title[2] : null;
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    static Map<String, Double> minus(Map<String, Double> after, Map<String, Double> before) {
        Map<String, Double> difference = new TreeMap<>();
        after.forEach((name, value) -> difference.put(name, value - before.getOrDefault(name, 0.0)));
        return difference;
    }

    /** CPU time of one process so far, in clock ticks (1/100 s); 0 once it is gone. */
    static long ticks(long pid) {
        String[] fields = stat(pid);
        return fields == null ? 0 : Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** CPU time of the children a process has waited for (PostgreSQL's ended backends), in clock ticks. */
    private static long reapedChildTicks(long pid) {
        String[] fields = stat(pid);
        return fields == null ? 0 : Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
    }

    private static List<Long> children(long parent) {
        List<Long> children = new ArrayList<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            entries.filter(p -> p.getFileName().toString().matches("\\d+")).forEach(p -> {
                long pid = Long.parseLong(p.getFileName().toString());
                String[] fields = stat(pid);
                if (fields != null && Long.parseLong(fields[1]) == parent) {
                    children.add(pid);
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return children;
    }

    /**
     * The fields of {@code /proc/<pid>/stat} after the command name, from the state (field 3) on: ppid is [1], utime
     * [11], stime [12], cutime [13], cstime [14]; null when the process is gone.
     */
    private static String[] stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    /** The cumulative projection-lag buckets (upper bound in seconds → count), by projection. */
    Map<String, TreeMap<Double, Double>> lagBuckets() throws Exception {
        return buckets("sagsspor_projection_lag_seconds", "projection");
    }

    /**
     * The query service's own time per request (Micrometer's {@code http.server.requests} histogram: from Tomcat handing
     * the request to Spring to the answer written), cumulative buckets by URI template, every method and status summed.
     */
    Map<String, TreeMap<Double, Double>> serverTimeBuckets() throws Exception {
        return buckets("http_server_requests_seconds", "uri");
    }

    /**
     * The cumulative buckets of a histogram the query service publishes, by the value of one label (label sets that
     * share it are summed).
     */
    private Map<String, TreeMap<Double, Double>> buckets(String metric, String byLabel) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(queryUrl + "/actuator/prometheus"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Map<String, TreeMap<Double, Double>> buckets = new HashMap<>();
        String prefix = metric + "_bucket{";
        for (String line : response.body().split("\n")) {
            if (!line.startsWith(prefix)) {
                continue;
            }
            int close = line.lastIndexOf('}');
            Map<String, String> labels = new HashMap<>();
            Matcher label = LABEL.matcher(line.substring(prefix.length(), close));
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
            String key = labels.get(byLabel);
            String le = labels.get("le");
            if (key == null || le == null) {
                continue;
            }
            double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
            buckets.computeIfAbsent(key, k -> new TreeMap<>())
                    .merge(bound, Double.parseDouble(line.substring(close + 1).trim()), Double::sum);
        }
        return buckets;
    }

    /**
     * Microseconds so far in which at least one runnable task of the machine waited for a CPU (Linux pressure stall
     * information, {@code /proc/pressure/cpu}, "some"); NaN where the kernel does not offer it.
     */
    static double cpuWaitMicros() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/pressure/cpu"))) {
                if (line.startsWith("some ")) {
                    return Double.parseDouble(line.substring(line.indexOf("total=") + 6).trim());
                }
            }
        } catch (IOException | RuntimeException unavailable) {
            // not Linux, or no PSI in this kernel
        }
        return Double.NaN;
    }

    /**
     * A percentile (in ms) of the lags recorded between two scrapes, interpolated within its bucket; NaN when nothing
     * was recorded.
     */
    static double percentile(TreeMap<Double, Double> after, TreeMap<Double, Double> before, double percentile) {
        double total = after.lastEntry().getValue() - (before == null ? 0 : before.lastEntry().getValue());
        if (total <= 0) {
            return Double.NaN;
        }
        double rank = total * percentile / 100.0;
        double lower = 0;
        double below = 0;
        for (Map.Entry<Double, Double> bucket : after.entrySet()) {
            double count = bucket.getValue() - (before == null ? 0 : before.getOrDefault(bucket.getKey(), 0.0));
            if (count >= rank) {
                double upper = bucket.getKey().isInfinite() ? lower : bucket.getKey();
                double inBucket = count - below;
                double fraction = inBucket <= 0 ? 1 : (rank - below) / inBucket;
                return (lower + (upper - lower) * fraction) * 1000.0;
            }
            lower = bucket.getKey();
            below = count;
        }
        return Double.NaN;
    }

    /** How many lags were recorded between two scrapes. */
    static double count(TreeMap<Double, Double> after, TreeMap<Double, Double> before) {
        return after.lastEntry().getValue() - (before == null ? 0 : before.lastEntry().getValue());
    }

    /** Records on the topic not yet committed by each of the groups starting with {@code prefix}. */
    Map<String, Long> consumerLag(String topic, String prefix) throws Exception {
        Map<TopicPartition, Long> ends = endOffsetsByPartition(topic);
        Map<String, Long> lag = new TreeMap<>();
        for (var group : admin.listConsumerGroups().all().get()) {
            if (!group.groupId().startsWith(prefix)) {
                continue;
            }
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group.groupId())
                            .partitionsToOffsetAndMetadata()
                            .get();
            long sum = 0;
            for (var end : ends.entrySet()) {
                OffsetAndMetadata offset = committed.get(end.getKey());
                // the end offsets were read first: a group may have committed past them since
                sum += Math.max(0, end.getValue() - (offset == null ? 0 : offset.offset()));
            }
            lag.put(group.groupId().substring(prefix.length()), sum);
        }
        return lag;
    }

    private Map<TopicPartition, Long> endOffsetsByPartition(String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(List.of(topic))
                .allTopicNames()
                .get()
                .get(topic)
                .partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    /** Events in the event store that the relay has not yet published (by its token's position). */
    long relayBacklog() throws Exception {
        try (Connection connection = DriverManager.getConnection(commandDatabase, "sagsspor", "");
                Statement statement = connection.createStatement()) {
            long head;
            try (ResultSet rs = statement.executeQuery("select coalesce(max(globalindex), 0) from domainevententry")) {
                rs.next();
                head = rs.getLong(1);
            }
            long position = 0;
            try (ResultSet rs = statement.executeQuery(
                    "select convert_from(token, 'UTF8') from tokenentry where processorname = 'kafka-relay'")) {
                while (rs.next()) {
                    String token = rs.getString(1);
                    Matcher index = Pattern.compile("\"index\"\\s*:\\s*(\\d+)").matcher(token == null ? "" : token);
                    if (index.find()) {
                        position = Math.max(position, Long.parseLong(index.group(1)));
                    }
                }
            }
            return Math.max(0, head - position);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
