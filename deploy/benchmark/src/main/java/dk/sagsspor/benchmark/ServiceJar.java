package dk.sagsspor.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A second service started from its jar beside the stack (M3, M6), with the JVM options the stack's services have: on
 * the stack's Kafka, in a database of its own on the stack's PostgreSQL, taking the benchmark's tokens, and with no
 * scheduled mail (deadline alerts, weekly digests) of its own running inside the measurement.
 *
 * @param bootstrap the stack's Kafka
 * @param postgres the stack's PostgreSQL, as a JDBC URL up to the database name
 * @param publicKey the key the benchmark's tokens are verified with
 * @param logs where the services' logs go
 */
record ServiceJar(String bootstrap, String postgres, Path publicKey, Path logs) {

    /** Creates a database of its own for a second service. */
    void createDatabase(String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres + "postgres", "sagsspor", "")) {
            connection.createStatement().execute("create database " + database);
        }
    }

    /**
     * Starts {@code java <options> -jar <jar>} on {@code port} with {@code database}, the stack's Kafka and tokens,
     * and the service's {@code own} arguments; its output into {@code log} under the logs.
     */
    Process start(Path jar, int port, String database, List<String> own, String log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(System.getProperty("bench.serviceJavaOpts", "-Xmx512m").trim().split("\\s+")));
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(
                "--server.port=" + port,
                "--spring.datasource.url=" + postgres + database,
                "--spring.datasource.username=sagsspor",
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--sagsspor.alerts.enabled=false",
                "--sagsspor.digests.enabled=false",
                "--sagsspor.security.mode=oidc",
                "--sagsspor.security.roles-claim=sagsspor_roles",
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey));
        command.addAll(own);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(log).toFile())
                .start();
    }
}
