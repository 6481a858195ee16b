package dk.sagsspor.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A second service started from its jar beside the stack (M3, M6), with the JVM options the stack's services have. */
final class ServiceJar {

    private ServiceJar() {}

    /** Starts {@code java <options> -jar <jar> <arguments>}, its output into {@code log}. */
    static Process start(Path jar, List<String> arguments, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(System.getProperty("bench.serviceJavaOpts", "-Xmx512m").trim().split("\\s+")));
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }
}
