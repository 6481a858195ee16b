package dk.sagsspor.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import dk.sagsspor.command.agendaitem.AgendaItemCommands.ProposeAgendaItem;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.WithdrawAgendaItem;
import dk.sagsspor.events.agendaitem.AgendaItemProposed;
import dk.sagsspor.testsupport.RealInfrastructure;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Guards the Boot 4 trap (DESIGN.md): Axon's JDBC and transaction auto-configurations switch themselves off silently
 * when they run before Boot's DataSource ones. These tests fail if the running engine is not the JDBC one in
 * PostgreSQL, driven by Spring-managed transactions.
 */
@SpringBootTest
class EventStoreEngineIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "command");
    }

    @Autowired
    EventStorageEngine engine;

    @Autowired
    TransactionManager axonTransactionManager;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Autowired
    EventStore eventStore;

    @Autowired
    CommandGateway commands;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void eventStoreIsAxonsJdbcEngine() {
        assertThat(engine).isInstanceOf(JdbcEventStorageEngine.class);
    }

    @Test
    void axonRunsInSpringManagedTransactions() {
        assertThat(axonTransactionManager).isInstanceOf(SpringTransactionManager.class);
    }

    @Test
    void eventsAreSerializedWithJackson3() {
        assertThat(eventSerializer).isInstanceOf(Jackson3Serializer.class);
    }

    @Test
    void proposedItemIsStoredInPostgresAsJson() {
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(proposal(id));

        String payload = jdbc.sql(
                        "select convert_from(payload, 'UTF8') from domainevententry where aggregateidentifier = ?")
                .param(id)
                .query(String.class)
                .single();
        assertThat(payload).contains("\"title\":\"Eventuelt\"", "\"committee\":\"KKR Nordjylland\"");
        assertThat(eventStore.readEvents(id).asStream()).hasSize(1);
    }

    @Test
    void eventsOfARolledBackSpringTransactionAreNotStored() {
        String id = UUID.randomUUID().toString();
        transactions.executeWithoutResult(status -> {
            commands.sendAndWait(proposal(id));
            status.setRollbackOnly();
        });

        Integer stored = jdbc.sql("select count(*) from domainevententry where aggregateidentifier = ?")
                .param(id)
                .query(Integer.class)
                .single();
        assertThat(stored).isZero();
    }

    @Test
    void readsVersionOneEventsStoredBeforeTheChangeOfShape() {
        String id = UUID.randomUUID().toString();
        OlderEvents.storeVersionOneProposal(jdbc, id, "Fra før version 2");

        Object payload = eventStore.readEvents(id).next().getPayload();

        assertThat(payload).isInstanceOf(AgendaItemProposed.class);
        assertThat(((AgendaItemProposed) payload).title()).isEqualTo("Fra før version 2");
        assertThat(((AgendaItemProposed) payload).closedItem()).isFalse();
        Long version = commands.sendAndWait(new WithdrawAgendaItem(id, 0L, "Ryddet op"));
        assertThat(version).isEqualTo(1L);
    }

    @Test
    void storesEventsWithTheirPublishedVersionAsRevision() {
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(proposal(id));

        String revision = jdbc.sql("select payloadrevision from domainevententry where aggregateidentifier = ?")
                .param(id)
                .query(String.class)
                .single();
        assertThat(revision).isEqualTo(Integer.toString(AgendaItemProposed.VERSION));
    }

    private static ProposeAgendaItem proposal(String id) {
        return new ProposeAgendaItem(
                id, "KKR Nordjylland", "Eventuelt", null, List.of(), null, null, null, List.of(), false);
    }
}
