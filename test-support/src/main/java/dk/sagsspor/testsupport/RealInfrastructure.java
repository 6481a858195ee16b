package dk.sagsspor.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;

/**
 * Real PostgreSQL and a real Kafka broker for integration tests, one of each per test JVM, started on first use and
 * stopped when the JVM exits. Each is chosen in this order:
 *
 * <ol>
 *   <li>a server named by environment variables ({@value ExternalServers#POSTGRES_URL}, {@value
 *       ExternalServers#POSTGRES_USER}, {@value ExternalServers#POSTGRES_PASSWORD}; {@value
 *       ExternalServers#KAFKA_BOOTSTRAP_SERVERS});
 *   <li>Testcontainers, when a Docker engine answers;
 *   <li>local processes: a throwaway PostgreSQL cluster from the installed server binaries and an in-process KRaft
 *       broker.
 * </ol>
 *
 * If none is possible, the first use fails with a message that says what to install. Nothing is ever skipped.
 */
public final class RealInfrastructure {

    private static PostgresServer postgres;
    private static KafkaServer kafka;

    private RealInfrastructure() {}

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = start(
                    "PostgreSQL", ExternalServers::postgres, ContainerServers::postgres, LocalPostgresCluster::start);
        }
        return postgres;
    }

    public static synchronized KafkaServer kafka() {
        if (kafka == null) {
            kafka = start("Kafka", ExternalServers::kafka, ContainerServers::kafka, EmbeddedKraftBroker::start);
        }
        return kafka;
    }

    /**
     * Points a Spring test context at its own fresh database on the test PostgreSQL server and at the test Kafka
     * broker. Contexts that name different databases never see each other's tables or migrations.
     */
    public static void register(DynamicPropertyRegistry registry, String database) {
        properties(database).forEach((name, value) -> registry.add(name, () -> value));
    }

    /**
     * The same settings as {@link #register} as a map, for an application started by the test itself (e.g. two
     * instances of a service, or one restarted).
     */
    public static Map<String, Object> properties(String database) {
        PostgresServer server = postgres();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", server.createDatabase(database));
        properties.put("spring.datasource.username", server.username());
        properties.put("spring.datasource.password", server.password());
        properties.put("spring.kafka.bootstrap-servers", kafka().bootstrapServers());
        // Spring keeps every test context of a module alive at once; a pool that holds all its connections while idle
        // (Hikari's default) made twenty contexts exhaust the test cluster's 300 ("too many clients already")
        properties.put("spring.datasource.hikari.minimum-idle", 2);
        return properties;
    }

    /**
     * The command-line arguments that point a service started by the test (in this JVM or its own) at a database on
     * the test PostgreSQL server and at the test Kafka broker.
     */
    public static List<String> arguments(String databaseUrl) {
        return List.of(
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + postgres().username(),
                "--spring.datasource.password=" + postgres().password(),
                "--spring.kafka.bootstrap-servers=" + kafka().bootstrapServers());
    }

    private static <T extends Described> T start(
            String what,
            java.util.function.Supplier<T> external,
            java.util.function.Supplier<T> container,
            Function<String, T> local) {
        T server = external.get();
        if (server == null && dockerAvailable()) {
            server = container.get();
        }
        if (server == null) {
            server = local.apply(what);
        }
        System.out.println("[sagsspor test infrastructure] " + what + ": " + server.description());
        return server;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Something that can say which path was taken, for the test reports. */
    public interface Described {
        String description();
    }

    /** A PostgreSQL server that test contexts get databases on. */
    public interface PostgresServer extends Described {

        /** Creates the database if it does not exist and returns its JDBC URL. */
        String createDatabase(String name);

        String username();

        String password();
    }

    /** A Kafka broker. */
    public interface KafkaServer extends Described {
        String bootstrapServers();
    }
}
