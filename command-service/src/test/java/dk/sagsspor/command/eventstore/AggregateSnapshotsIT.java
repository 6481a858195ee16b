package dk.sagsspor.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.sagsspor.command.agendaitem.AgendaItemCommands.ProposeAgendaItem;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.ReviseAgendaItem;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.ScheduleAgendaItem;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.WithdrawAgendaItem;
import dk.sagsspor.command.meeting.MeetingCommands.CloseMeeting;
import dk.sagsspor.command.meeting.MeetingCommands.OpenMeeting;
import dk.sagsspor.command.meeting.MeetingCommands.ReorderAgenda;
import dk.sagsspor.command.meeting.MeetingCommands.RescheduleMeeting;
import dk.sagsspor.command.meeting.MeetingCommands.ScheduleMeeting;
import dk.sagsspor.testsupport.RealInfrastructure;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Long histories are not replayed from the start: every {@code sagsspor.snapshots.threshold} events an aggregate is
 * snapshotted, and a load (a restart, an evicted cache entry) reads the snapshot and the events after it. A snapshot
 * that cannot be read is passed over, never trusted: the whole history is replayed.
 */
@SpringBootTest(properties = "sagsspor.snapshots.threshold=10")
class AggregateSnapshotsIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "command");
    }

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier(AggregateCaching.NAME)
    Cache cache;

    @Test
    void snapshotsAnItemWhoseHistoryPassesTheThreshold() {
        String id = itemWithRevisions(12);

        assertThat(snapshotSequence(id)).isNotNull().isGreaterThanOrEqualTo(9L);
    }

    @Test
    void loadsFromTheSnapshotAndTheEventsAfterIt() {
        String id = itemWithRevisions(12);
        commands.sendAndWait(revision(id, 12L, "efter øjebliksbilledet"));
        cache.removeAll();

        Long version = commands.sendAndWait(new WithdrawAgendaItem(id, 13L, "Trukket"));

        assertThat(version).isEqualTo(14L);
        cache.removeAll();
        assertThatThrownBy(() -> commands.sendAndWait(revision(id, 14L, "for sent")))
                .as("the withdrawal after the snapshot is part of the loaded state")
                .hasMessageContaining("withdrawn");
    }

    @Test
    void replaysTheWholeHistoryWhenTheSnapshotCannotBeRead() {
        String id = itemWithRevisions(12);
        jdbc.sql(
                        "update snapshotevententry set payload = convert_to('{not json', 'UTF8') where aggregateidentifier = ?")
                .param(id)
                .update();
        cache.removeAll();

        Long version = commands.sendAndWait(revision(id, 12L, "stadig rigtig"));

        assertThat(version).isEqualTo(13L);
    }

    @Test
    void loadsAMeetingWithItsAgendaFromItsSnapshot() {
        String meeting = UUID.randomUUID().toString();
        Instant start = Instant.parse("2027-03-01T09:00:00Z");
        commands.sendAndWait(new ScheduleMeeting(meeting, "KKR Nordjylland", start, null, "Aalborg", false));
        String item = itemWithRevisions(0);
        commands.sendAndWait(new ScheduleAgendaItem(item, null, meeting, "1.1", "Sager"));
        for (int i = 1; i <= 12; i++) {
            commands.sendAndWait(
                    new RescheduleMeeting(meeting, null, start.plusSeconds(i * 60L), null, "Aalborg", null));
        }
        commands.sendAndWait(new OpenMeeting(meeting, null));
        assertThat(snapshotSequence(meeting)).isNotNull();
        cache.removeAll();

        assertThatThrownBy(() -> commands.sendAndWait(new ReorderAgenda(meeting, null, List.of())))
                .as("the agenda (one item) came back from the snapshot: an order without that item is refused")
                .hasMessageContaining(meeting);
        commands.sendAndWait(new ReorderAgenda(meeting, null, List.of(item)));
        Long version = commands.sendAndWait(new CloseMeeting(meeting, null));
        assertThat(version).as("opened, so it can be closed").isGreaterThan(13L);
    }

    @Test
    void keepsTheCachedItemWhenACommandIsRefusedForAStaleVersion() {
        String id = itemWithRevisions(1);
        assertThat(cache.containsKey(id)).isTrue();

        assertThatThrownBy(() -> commands.sendAndWait(revision(id, 0L, "forældet")))
                .hasMessageContaining("Expected version 0");

        assertThat(cache.containsKey(id))
                .as("a 412 changed nothing: a hot item must not be replayed from its history after every conflict")
                .isTrue();
    }

    private String itemWithRevisions(int revisions) {
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new ProposeAgendaItem(
                id, "KKR Nordjylland", "Langt punkt", null, List.of(), null, null, null, List.of(), false));
        for (long version = 0; version < revisions; version++) {
            commands.sendAndWait(revision(id, version, "version " + version));
        }
        return id;
    }

    private static ReviseAgendaItem revision(String id, long expectedVersion, String presentation) {
        return new ReviseAgendaItem(
                id, expectedVersion, Set.of("presentation"), null, null, null, null, null, presentation, null);
    }

    private Long snapshotSequence(String id) {
        return jdbc.sql("select max(sequencenumber) from snapshotevententry where aggregateidentifier = ?")
                .param(id)
                .query(Long.class)
                .single();
    }
}
