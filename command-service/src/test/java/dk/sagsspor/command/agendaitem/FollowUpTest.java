package dk.sagsspor.command.agendaitem;

import static dk.sagsspor.command.agendaitem.AgendaItemTest.DECIDED;
import static dk.sagsspor.command.agendaitem.AgendaItemTest.ID;
import static dk.sagsspor.command.agendaitem.AgendaItemTest.PROPOSED;
import static dk.sagsspor.command.agendaitem.AgendaItemTest.SCHEDULED;
import static dk.sagsspor.command.agendaitem.AgendaItemTest.WITHDRAWN;

import dk.sagsspor.command.VersionedCommand.StaleVersion;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.AssignFollowUp;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.CancelFollowUp;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.ChangeFollowUpDueDate;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.CompleteFollowUp;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.ReassignFollowUp;
import dk.sagsspor.command.staff.StaffMember;
import dk.sagsspor.events.agendaitem.FollowUpAssigned;
import dk.sagsspor.events.agendaitem.FollowUpCancelled;
import dk.sagsspor.events.agendaitem.FollowUpCompleted;
import dk.sagsspor.events.agendaitem.FollowUpDueDateChanged;
import dk.sagsspor.events.agendaitem.FollowUpReassigned;
import dk.sagsspor.events.staff.StaffMemberRegistered;
import java.time.LocalDate;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The follow-up rules, one per test; the staff directory is an event-sourced repository of its own. */
class FollowUpTest {

    static final String FOLLOW_UP = "follow-up-1";
    static final LocalDate MAY_31 = LocalDate.of(2025, 5, 31);
    static final FollowUpAssigned ASSIGNED = new FollowUpAssigned(
            ID, FOLLOW_UP, "Afrapportering til styrelsen", MAY_31, "hast", "senest den 31. maj 2025");

    private AggregateTestFixture<AgendaItem> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AgendaItem.class);
        EmbeddedEventStore staffEvents = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine())
                .build();
        staffEvents.publish(new GenericDomainEventMessage<>(
                "StaffMember", "hast", 0, new StaffMemberRegistered("hast", "Hanne Stougaard", "hast@kl.dk")));
        staffEvents.publish(new GenericDomainEventMessage<>(
                "StaffMember", "haan", 0, new StaffMemberRegistered("haan", "Hans Andersen", "haan@kl.dk")));
        EventSourcingRepository<StaffMember> staff = EventSourcingRepository.builder(StaffMember.class)
                .eventStore(staffEvents)
                .build();
        fixture.registerAnnotatedCommandHandler(new FollowUpAssignments(fixture.getRepository(), staff));
    }

    @Test
    void assignsAFollowUpOnADecidedItemToAStaffMemberOfTheDirectory() {
        fixture.given(PROPOSED, SCHEDULED, DECIDED)
                .when(new AssignFollowUp(
                        ID, null, FOLLOW_UP, "Afrapportering til styrelsen", MAY_31, "hast", "senest den 31. maj 2025"))
                .expectEvents(ASSIGNED);
    }

    @Test
    void rejectsAFollowUpOnAnUndecidedItem() {
        fixture.given(PROPOSED, SCHEDULED)
                .when(new AssignFollowUp(ID, null, FOLLOW_UP, "Afrapportering", MAY_31, "hast", null))
                .expectException(AgendaItemNotDecided.class)
                .expectNoEvents();
    }

    @Test
    void rejectsAFollowUpOnAWithdrawnItem() {
        fixture.given(PROPOSED, WITHDRAWN)
                .when(new AssignFollowUp(ID, null, FOLLOW_UP, "Afrapportering", MAY_31, "hast", null))
                .expectException(AgendaItemAlreadyWithdrawn.class);
    }

    @Test
    void rejectsAnAssigneeWhoIsNotInTheDirectory() {
        fixture.given(PROPOSED, SCHEDULED, DECIDED)
                .when(new AssignFollowUp(ID, null, FOLLOW_UP, "Afrapportering", MAY_31, "xyz", null))
                .expectException(StaffMemberNotInDirectory.class)
                .expectNoEvents();
    }

    @Test
    void rejectsAStaleExpectedVersionBeforeAnyRule() {
        fixture.given(PROPOSED, SCHEDULED, DECIDED)
                .when(new AssignFollowUp(ID, 1L, FOLLOW_UP, "Afrapportering", MAY_31, "xyz", null))
                .expectException(StaleVersion.class);
    }

    @Test
    void movesTheDueDateWithAReason() {
        LocalDate june15 = LocalDate.of(2025, 6, 15);
        fixture.given(PROPOSED, SCHEDULED, DECIDED, ASSIGNED)
                .when(new ChangeFollowUpDueDate(ID, null, FOLLOW_UP, june15, "Fristen er forlænget"))
                .expectEvents(new FollowUpDueDateChanged(ID, FOLLOW_UP, june15, "Fristen er forlænget"));
    }

    @Test
    void theSameDueDateAgainRecordsNothing() {
        fixture.given(PROPOSED, SCHEDULED, DECIDED, ASSIGNED)
                .when(new ChangeFollowUpDueDate(ID, null, FOLLOW_UP, MAY_31, "Uændret"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void reassignsToAnotherStaffMember() {
        fixture.given(PROPOSED, SCHEDULED, DECIDED, ASSIGNED)
                .when(new ReassignFollowUp(ID, null, FOLLOW_UP, "haan"))
                .expectEvents(new FollowUpReassigned(ID, FOLLOW_UP, "haan"));
    }

    @Test
    void completesWithANote() {
        fixture.given(PROPOSED, SCHEDULED, DECIDED, ASSIGNED)
                .when(new CompleteFollowUp(ID, null, FOLLOW_UP, "Sendt 28. maj"))
                .expectEvents(new FollowUpCompleted(ID, FOLLOW_UP, "Sendt 28. maj"));
    }

    @Test
    void aCompletedFollowUpCannotBeCancelled() {
        fixture.given(PROPOSED, SCHEDULED, DECIDED, ASSIGNED, new FollowUpCompleted(ID, FOLLOW_UP, "Sendt"))
                .when(new CancelFollowUp(ID, null, FOLLOW_UP, "Bortfaldet"))
                .expectException(FollowUpAlreadyClosed.class);
    }

    @Test
    void aCancelledFollowUpCannotBeMoved() {
        fixture.given(PROPOSED, SCHEDULED, DECIDED, ASSIGNED, new FollowUpCancelled(ID, FOLLOW_UP, "Bortfaldet"))
                .when(new ChangeFollowUpDueDate(ID, null, FOLLOW_UP, MAY_31.plusDays(1), "Senere"))
                .expectException(FollowUpAlreadyClosed.class);
    }

    @Test
    void anUnknownFollowUpIsNotFound() {
        fixture.given(PROPOSED, SCHEDULED, DECIDED)
                .when(new CompleteFollowUp(ID, null, "no-such", "Sendt"))
                .expectException(FollowUpNotFound.class);
    }
}
