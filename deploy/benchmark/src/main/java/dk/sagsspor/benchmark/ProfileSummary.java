package dk.sagsspor.benchmark;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a service's CPU samples go, by layer: each execution sample of a JFR recording is charged to the innermost frame
 * that belongs to a known library or to our code (JDK frames are charged to their caller), so a flat profile — a
 * thousand small costs, no hot method — still says which layer to look at. Also the methods of our own code that are
 * on the most stacks.
 *
 * <p>{@code ProfileSummary FILE.jfr}
 */
final class ProfileSummary {

    /** Package prefixes, checked in order; the first that matches a frame names its layer. */
    private static final List<String[]> LAYERS = List.of(
            new String[] {"org.postgresql.", "PostgreSQL JDBC driver"},
            new String[] {"com.zaxxer.hikari.", "connection pool"},
            new String[] {"tools.jackson.", "JSON (Jackson)"},
            new String[] {"com.fasterxml.jackson.", "JSON (Jackson)"},
            new String[] {"io.cloudevents.", "CloudEvents"},
            new String[] {"org.apache.kafka.", "Kafka client"},
            new String[] {"kafka.", "Kafka broker"},
            new String[] {"org.apache.kafka.storage.", "Kafka broker"},
            new String[] {"scala.", "Kafka broker (Scala)"},
            new String[] {"io.micrometer.", "metrics and observations (Micrometer)"},
            new String[] {"org.springframework.security.", "Spring Security"},
            new String[] {"org.axonframework.", "Axon"},
            new String[] {"org.springframework.kafka.", "Spring Kafka"},
            new String[] {"org.springframework.jdbc.", "Spring JDBC"},
            new String[] {"org.springframework.transaction.", "Spring transactions"},
            new String[] {"org.springframework.web.", "Spring MVC"},
            new String[] {"org.springframework.http.", "Spring MVC"},
            new String[] {"org.springframework.", "Spring (other)"},
            new String[] {"org.apache.catalina.", "Tomcat"},
            new String[] {"org.apache.coyote.", "Tomcat"},
            new String[] {"org.apache.tomcat.", "Tomcat"},
            new String[] {"ch.qos.logback.", "logging"},
            new String[] {"org.slf4j.", "logging"},
            new String[] {"org.apache.logging.", "logging"},
            new String[] {"dk.sagsspor.", "Sagsspor"});

    private ProfileSummary() {}

    public static void main(String[] args) throws Exception {
        System.out.print(summary(Path.of(args[0])));
    }

    static String summary(Path recording) throws Exception {
        Map<String, Integer> layers = new TreeMap<>();
        Map<String, Integer> ours = new TreeMap<>();
        int samples = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                String layer = "JDK only";
                for (RecordedFrame frame : frames) {
                    String type = frame.getMethod().getType().getName();
                    String found = layerOf(type);
                    if (found != null) {
                        layer = found;
                        break;
                    }
                }
                layers.merge(layer, 1, Integer::sum);
                frames.stream()
                        .filter(f -> f.getMethod().getType().getName().startsWith("dk.sagsspor."))
                        .map(f -> f.getMethod().getType().getName().replace("dk.sagsspor.", "") + "."
                                + f.getMethod().getName())
                        .distinct()
                        .forEach(method -> ours.merge(method, 1, Integer::sum));
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s: %,d execution samples%n%nBy layer (innermost known frame):%n",
                recording.getFileName(), samples));
        append(out, layers, samples, 30);
        out.append(String.format(Locale.ROOT, "%nOur methods on the most stacks (inclusive):%n"));
        append(out, ours, samples, 15);
        return out.toString();
    }

    private static String layerOf(String type) {
        for (String[] layer : LAYERS) {
            if (type.startsWith(layer[0])) {
                return layer[1];
            }
        }
        return null;
    }

    private static void append(StringBuilder out, Map<String, Integer> counts, int total, int limit) {
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(limit)
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        sorted.forEach((name, count) ->
                out.append(String.format(Locale.ROOT, "  %5.1f %%  %,6d  %s%n", 100.0 * count / total, count, name)));
    }
}
