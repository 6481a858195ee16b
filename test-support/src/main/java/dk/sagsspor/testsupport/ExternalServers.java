package dk.sagsspor.testsupport;

import dk.sagsspor.testsupport.RealInfrastructure.KafkaServer;
import dk.sagsspor.testsupport.RealInfrastructure.PostgresServer;

/** Servers named by environment variables, for CI systems that provide their own. */
final class ExternalServers {

    /** JDBC URL of a database the test user may create databases from, e.g. jdbc:postgresql://db:5432/postgres. */
    static final String POSTGRES_URL = "SAGSSPOR_TEST_POSTGRES_URL";

    static final String POSTGRES_USER = "SAGSSPOR_TEST_POSTGRES_USER";
    static final String POSTGRES_PASSWORD = "SAGSSPOR_TEST_POSTGRES_PASSWORD";
    static final String KAFKA_BOOTSTRAP_SERVERS = "SAGSSPOR_TEST_KAFKA_BOOTSTRAP_SERVERS";

    private ExternalServers() {}

    static PostgresServer postgres() {
        String url = System.getenv(POSTGRES_URL);
        if (url == null || url.isBlank()) {
            return null;
        }
        String user = System.getenv().getOrDefault(POSTGRES_USER, "postgres");
        String password = System.getenv().getOrDefault(POSTGRES_PASSWORD, "");
        return new JdbcPostgresServer(url, user, password, "external server from " + POSTGRES_URL + " (" + url + ")");
    }

    static KafkaServer kafka() {
        String servers = System.getenv(KAFKA_BOOTSTRAP_SERVERS);
        if (servers == null || servers.isBlank()) {
            return null;
        }
        return new KafkaServer() {
            @Override
            public String bootstrapServers() {
                return servers;
            }

            @Override
            public String description() {
                return "external broker from " + KAFKA_BOOTSTRAP_SERVERS + " (" + servers + ")";
            }
        };
    }
}
