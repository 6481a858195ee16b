package dk.sagsspor.testsupport;

import dk.sagsspor.testsupport.RealInfrastructure.KafkaServer;
import dk.sagsspor.testsupport.RealInfrastructure.PostgresServer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Testcontainers, used when a Docker engine answers. Ryuk removes the containers when the JVM exits. */
final class ContainerServers {

    static final String POSTGRES_IMAGE = "postgres:15-alpine";
    static final String KAFKA_IMAGE = "apache/kafka:4.2.1";

    private ContainerServers() {}

    @SuppressWarnings("resource") // lives as long as the test JVM
    static PostgresServer postgres() {
        PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE);
        container.start();
        return new JdbcPostgresServer(
                container.getJdbcUrl(),
                container.getUsername(),
                container.getPassword(),
                "Testcontainers " + POSTGRES_IMAGE + " at " + container.getJdbcUrl());
    }

    @SuppressWarnings("resource") // lives as long as the test JVM
    static KafkaServer kafka() {
        KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
        container.start();
        String servers = container.getBootstrapServers();
        return new KafkaServer() {
            @Override
            public String bootstrapServers() {
                return servers;
            }

            @Override
            public String description() {
                return "Testcontainers " + KAFKA_IMAGE + " at " + servers;
            }
        };
    }
}
