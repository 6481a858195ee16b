package dk.sagsspor.command.eventstore;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * Puts Axon's JDBC and transaction auto-configurations after Spring Boot 4's DataSource and transaction manager ones.
 *
 * <p>Axon 4.13 orders itself after Boot 3's class names only. On Boot 4 its {@code JdbcAutoConfiguration} (conditional
 * on a DataSource bean) and {@code TransactionAutoConfiguration} (conditional on a PlatformTransactionManager) are
 * evaluated first, find nothing and switch themselves off: the service then starts with no JDBC event store and a
 * no-op transaction manager, silently. This empty auto-configuration sits between the two, and auto-configuration
 * ordering is transitive. {@code EventStoreEngineIT} fails if the trap ever comes back.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"
        },
        beforeName = {
            "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
            "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration"
        })
public class AxonAfterBootJdbc {}
