package dk.sagsspor.command.agendaitem;

import dk.sagsspor.command.agendaitem.AgendaItemCommands.CarryOverAgendaItem;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.CorrectDecision;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.DecideAgendaItem;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.DeferAgendaItem;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.DiscussAgendaItem;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.ProposeAgendaItem;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.ReviseAgendaItem;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.ScheduleAgendaItem;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.UnscheduleAgendaItem;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.WithdrawAgendaItem;
import dk.sagsspor.command.meeting.Meeting;
import dk.sagsspor.events.agendaitem.AgendaItemDecided;
import dk.sagsspor.events.agendaitem.AgendaItemDecisionCorrected;
import dk.sagsspor.events.agendaitem.AgendaItemDeferred;
import dk.sagsspor.events.agendaitem.AgendaItemDiscussed;
import dk.sagsspor.events.agendaitem.AgendaItemProposed;
import dk.sagsspor.events.agendaitem.AgendaItemRevised;
import dk.sagsspor.events.agendaitem.AgendaItemScheduled;
import dk.sagsspor.events.agendaitem.AgendaItemUnscheduled;
import dk.sagsspor.events.agendaitem.AgendaItemWithdrawn;
import dk.sagsspor.events.agendaitem.DecisionOutcome;
import dk.sagsspor.events.meeting.MeetingAgendaItemAdded;
import dk.sagsspor.events.meeting.MeetingCancelled;
import dk.sagsspor.events.meeting.MeetingEvent;
import dk.sagsspor.events.meeting.MeetingOpened;
import dk.sagsspor.events.meeting.MeetingScheduled;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agenda item's rules, one per test. Rules that involve the item's meeting run through
 * {@link AgendaItemLifecycle} with the meeting in an event-sourced repository of its own.
 */
class AgendaItemTest {

    static final String ID = "item-1";
    static final String MEETING = "meeting-1";
    static final String OTHER_MEETING = "meeting-2";
    static final AgendaItemProposed PROPOSED = new AgendaItemProposed(
            ID,
            "KKR Nordjylland",
            "Godkendelse af referat",
            "SAG-2025-00681",
            List.of("haan", "hast"),
            "Baggrund",
            "Indstilling",
            null,
            List.of(),
            false);
    static final AgendaItemScheduled SCHEDULED = new AgendaItemScheduled(ID, MEETING);
    static final AgendaItemDecided DECIDED =
            new AgendaItemDecided(ID, MEETING, DecisionOutcome.APPROVED, "KKR godkendte referatet.");
    static final AgendaItemWithdrawn WITHDRAWN = new AgendaItemWithdrawn(ID, null, "Trukket");

    private AggregateTestFixture<AgendaItem> fixture;
    private EmbeddedEventStore meetingEvents;
    private long meetingSequence;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AgendaItem.class);
        meetingEvents = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine())
                .build();
        EventSourcingRepository<Meeting> meetings = EventSourcingRepository.builder(Meeting.class)
                .eventStore(meetingEvents)
                .build();
        fixture.registerAnnotatedCommandHandler(new AgendaItemLifecycle(fixture.getRepository(), meetings));
    }

    @Test
    void proposingRecordsEveryPartOfTheItem() {
        fixture.givenNoPriorActivity()
                .when(new ProposeAgendaItem(
                        ID,
                        "KKR Nordjylland",
                        "Godkendelse af referat",
                        "SAG-2025-00681",
                        List.of("haan", "hast"),
                        "Baggrund",
                        "Indstilling",
                        null,
                        null,
                        false))
                .expectSuccessfulHandlerExecution()
                .expectEvents(PROPOSED);
    }

    @Test
    void revisionRecordsOnlyThePartsThatChanged() {
        fixture.given(PROPOSED)
                .when(new ReviseAgendaItem(
                        ID, null, Set.of("title", "background"), "Nyt navn", null, null, "Baggrund", null, null, null))
                .expectEvents(new AgendaItemRevised(
                        ID,
                        "Nyt navn",
                        "SAG-2025-00681",
                        List.of("haan", "hast"),
                        "Baggrund",
                        "Indstilling",
                        null,
                        List.of(),
                        List.of("title")))
                .expectResultMessagePayload(1L);
    }

    @Test
    void revisionThatChangesNothingRecordsNothing() {
        fixture.given(PROPOSED)
                .when(new ReviseAgendaItem(
                        ID, null, Set.of("title"), "Godkendelse af referat", null, null, null, null, null, null))
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void rejectsRevisionOfADecidedItem() {
        fixture.given(PROPOSED, SCHEDULED, DECIDED)
                .when(new ReviseAgendaItem(ID, null, Set.of("title"), "Ny", null, null, null, null, null, null))
                .expectException(AgendaItemAlreadyDecided.class);
    }

    @Test
    void schedulesItemOnAMeetingOfItsCommittee() {
        meeting(new MeetingScheduled(MEETING, "KKR Nordjylland", Instant.now(), null, "Aalborg"));
        fixture.given(PROPOSED)
                .when(new ScheduleAgendaItem(ID, null, MEETING, "3.1", "Regionalpolitiske sager"))
                .expectEvents(SCHEDULED)
                .expectResultMessagePayload(1L);
    }

    @Test
    void rejectsSchedulingOnAMeetingOfAnotherCommittee() {
        meeting(new MeetingScheduled(MEETING, "KKR Midtjylland", Instant.now(), null, "Viborg"));
        fixture.given(PROPOSED)
                .when(new ScheduleAgendaItem(ID, null, MEETING, "3.1", null))
                .expectException(dk.sagsspor.command.RuleViolation.class)
                .expectExceptionMessage("An item of KKR Nordjylland cannot go on a meeting of KKR Midtjylland")
                .expectNoEvents();
    }

    @Test
    void rejectsSchedulingOnACancelledMeeting() {
        meeting(
                new MeetingScheduled(MEETING, "KKR Nordjylland", Instant.now(), null, "Aalborg"),
                new MeetingCancelled(MEETING, "Aflyst", List.of()));
        fixture.given(PROPOSED)
                .when(new ScheduleAgendaItem(ID, null, MEETING, null, null))
                .expectException(dk.sagsspor.command.RuleViolation.class)
                .expectExceptionMessage("Meeting " + MEETING + " is cancelled");
    }

    @Test
    void rejectsSchedulingAnItemAlreadyOnAnotherMeeting() {
        meeting(new MeetingScheduled(OTHER_MEETING, "KKR Nordjylland", Instant.now(), null, "Aalborg"));
        fixture.given(PROPOSED, SCHEDULED)
                .when(new ScheduleAgendaItem(ID, null, OTHER_MEETING, null, null))
                .expectException(AgendaItemAlreadyScheduled.class);
    }

    @Test
    void rejectsAnItemTheAgendaAlreadyLists() {
        meeting(
                new MeetingScheduled(MEETING, "KKR Nordjylland", Instant.now(), null, "Aalborg"),
                new MeetingAgendaItemAdded(MEETING, ID, "3.1", null, false));
        fixture.given(PROPOSED)
                .when(new ScheduleAgendaItem(ID, null, MEETING, "3.2", null))
                .expectException(dk.sagsspor.command.RuleViolation.class)
                .expectExceptionMessage("Agenda item item-1 is already on the agenda of meeting meeting-1");
    }

    @Test
    void rejectsANumberTakenOnTheMeeting() {
        meeting(
                new MeetingScheduled(MEETING, "KKR Nordjylland", Instant.now(), null, "Aalborg"),
                new MeetingAgendaItemAdded(MEETING, "item-9", "3.1", null, false));
        fixture.given(PROPOSED)
                .when(new ScheduleAgendaItem(ID, null, MEETING, "3.1", null))
                .expectException(dk.sagsspor.command.RuleViolation.class)
                .expectExceptionMessage("Number 3.1 is already used on the agenda of meeting meeting-1")
                .expectNoEvents();
    }

    @Test
    void unschedulesItemFromItsMeeting() {
        meeting(
                new MeetingScheduled(MEETING, "KKR Nordjylland", Instant.now(), null, "Aalborg"),
                new MeetingAgendaItemAdded(MEETING, ID, "3.1", null, false));
        fixture.given(PROPOSED, SCHEDULED)
                .when(new UnscheduleAgendaItem(ID, null))
                .expectEvents(new AgendaItemUnscheduled(ID, MEETING));
    }

    @Test
    void recordsDiscussionAtAnOpenMeeting() {
        openMeeting();
        fixture.given(PROPOSED, SCHEDULED)
                .when(new DiscussAgendaItem(ID, null, "Formanden orienterede."))
                .expectEvents(new AgendaItemDiscussed(ID, MEETING, "Formanden orienterede."));
    }

    @Test
    void decidesItemAtAnOpenMeeting() {
        openMeeting();
        fixture.given(PROPOSED, SCHEDULED)
                .when(new DecideAgendaItem(ID, null, DecisionOutcome.APPROVED, "KKR godkendte referatet."))
                .expectEvents(DECIDED);
    }

    @Test
    void rejectsDecisionBeforeTheMeetingIsOpen() {
        meeting(new MeetingScheduled(MEETING, "KKR Nordjylland", Instant.now(), null, "Aalborg"));
        fixture.given(PROPOSED, SCHEDULED)
                .when(new DecideAgendaItem(ID, null, DecisionOutcome.APPROVED, "Godkendt"))
                .expectException(dk.sagsspor.command.RuleViolation.class)
                .expectExceptionMessage(
                        "Meeting meeting-1 is not open (it is SCHEDULED); items are discussed, decided and deferred at an open meeting")
                .expectNoEvents();
    }

    @Test
    void rejectsASecondDecision() {
        openMeeting();
        fixture.given(PROPOSED, SCHEDULED, DECIDED)
                .when(new DecideAgendaItem(ID, null, DecisionOutcome.REJECTED, "Nej"))
                .expectException(AgendaItemAlreadyDecided.class);
    }

    @Test
    void rejectsDecisionOnADeferredItemUntilItIsOnAMeetingAgain() {
        openMeeting();
        fixture.given(PROPOSED, SCHEDULED, new AgendaItemDeferred(ID, MEETING, "Tid", null, false))
                .when(new DecideAgendaItem(ID, null, DecisionOutcome.APPROVED, "Godkendt"))
                .expectException(AgendaItemNotOnAMeeting.class);
    }

    @Test
    void rejectsDecisionOnAnItemNotOnAnyMeeting() {
        fixture.given(PROPOSED)
                .when(new DecideAgendaItem(ID, null, DecisionOutcome.APPROVED, "Godkendt"))
                .expectException(AgendaItemNotOnAMeeting.class);
    }

    @Test
    void defersItemToTheNextMeeting() {
        openMeeting();
        fixture.given(PROPOSED, SCHEDULED)
                .when(new DeferAgendaItem(ID, null, "Mere tid til forberedelse", null))
                .expectEvents(new AgendaItemDeferred(ID, MEETING, "Mere tid til forberedelse", null, false));
    }

    @Test
    void rejectsDeferralToAMeetingOfAnotherCommittee() {
        openMeeting();
        meeting(new MeetingScheduled(OTHER_MEETING, "KKR Midtjylland", Instant.now(), null, "Viborg"));
        fixture.given(PROPOSED, SCHEDULED)
                .when(new DeferAgendaItem(ID, null, "Hører til i Midtjylland", OTHER_MEETING))
                .expectException(dk.sagsspor.command.RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void withdrawnItemTakesNoMoreLifecycleCommands() {
        fixture.given(PROPOSED, WITHDRAWN)
                .when(new WithdrawAgendaItem(ID, null, "Igen"))
                .expectException(AgendaItemAlreadyWithdrawn.class);
    }

    @Test
    void rejectsSchedulingAWithdrawnItem() {
        meeting(new MeetingScheduled(MEETING, "KKR Nordjylland", Instant.now(), null, "Aalborg"));
        fixture.given(PROPOSED, WITHDRAWN)
                .when(new ScheduleAgendaItem(ID, null, MEETING, null, null))
                .expectException(AgendaItemAlreadyWithdrawn.class);
    }

    @Test
    void withdrawalFromAMeetingNamesIt() {
        fixture.given(PROPOSED, SCHEDULED)
                .when(new WithdrawAgendaItem(ID, null, "Sagen er trukket"))
                .expectEvents(new AgendaItemWithdrawn(ID, MEETING, "Sagen er trukket"));
    }

    @Test
    void rejectsWithdrawingADecidedItem() {
        fixture.given(PROPOSED, SCHEDULED, DECIDED)
                .when(new WithdrawAgendaItem(ID, null, "For sent"))
                .expectException(AgendaItemAlreadyDecided.class);
    }

    @Test
    void correctsADecisionKeepingTheOriginal() {
        fixture.given(PROPOSED, SCHEDULED, DECIDED)
                .when(new CorrectDecision(
                        ID,
                        null,
                        DecisionOutcome.APPROVED_WITH_CHANGES,
                        "Godkendt med ændring",
                        "Rettet ved godkendelse"))
                .expectEvents(new AgendaItemDecisionCorrected(
                        ID,
                        MEETING,
                        DecisionOutcome.APPROVED_WITH_CHANGES,
                        "Godkendt med ændring",
                        "Rettet ved godkendelse"));
    }

    @Test
    void rejectsCorrectingAnUndecidedItem() {
        fixture.given(PROPOSED, SCHEDULED)
                .when(new CorrectDecision(ID, null, DecisionOutcome.APPROVED, "x", "y"))
                .expectException(AgendaItemNotDecided.class);
    }

    @Test
    void carryOverDefersAnUndecidedItemStillOnTheClosedMeeting() {
        fixture.given(titled("Orientering om socialområdet"), SCHEDULED)
                .when(new CarryOverAgendaItem(ID, MEETING, "Ikke afgjort", false))
                .expectEvents(new AgendaItemDeferred(ID, MEETING, "Ikke afgjort", null, true));
    }

    @Test
    void carryOverEndsAStandingItemWithItsMeetingInsteadOfCarryingItOver() {
        for (String title : List.of(
                "Godkendelse af dagsorden",
                "Godkendelse af referat fra mødet den 7. februar 2025",
                "Eventuelt",
                "Punkter til næste møde",
                "Meddelelser")) {
            fixture.given(titled(title), SCHEDULED)
                    .when(new CarryOverAgendaItem(ID, MEETING, "Ikke afgjort", false))
                    .expectEvents(new AgendaItemWithdrawn(ID, MEETING, StandingItems.NOT_CARRIED_OVER));
        }
    }

    @Test
    void aMoveFromACancelledMeetingIsNoDeferralByTheCommittee() {
        fixture.given(titled("Trafikplan"), SCHEDULED)
                .when(new CarryOverAgendaItem(ID, MEETING, "Mødet blev aflyst", true))
                .expectEvents(new AgendaItemDeferred(ID, MEETING, "Mødet blev aflyst", null, true, true));
    }

    @Test
    void carryOverLeavesADecidedItemAlone() {
        fixture.given(PROPOSED, SCHEDULED, DECIDED)
                .when(new CarryOverAgendaItem(ID, MEETING, "Ikke afgjort", false))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void carryOverLeavesAnItemNowOnAnotherMeetingAlone() {
        fixture.given(PROPOSED, new AgendaItemScheduled(ID, OTHER_MEETING))
                .when(new CarryOverAgendaItem(ID, MEETING, "Ikke afgjort", false))
                .expectNoEvents();
    }

    @Test
    void rejectsAStaleExpectedVersion() {
        fixture.given(PROPOSED, SCHEDULED)
                .when(new WithdrawAgendaItem(ID, 0L, "Trukket"))
                .expectException(dk.sagsspor.command.VersionedCommand.StaleVersion.class);
    }

    private void openMeeting() {
        meeting(
                new MeetingScheduled(MEETING, "KKR Nordjylland", Instant.now(), null, "Aalborg"),
                new MeetingAgendaItemAdded(MEETING, ID, "3.1", null, false),
                new MeetingOpened(MEETING));
    }

    private void meeting(MeetingEvent... events) {
        for (MeetingEvent event : events) {
            long sequence = event instanceof MeetingScheduled ? 0 : ++meetingSequence;
            if (event instanceof MeetingScheduled) {
                meetingSequence = 0;
            }
            meetingEvents.publish(new GenericDomainEventMessage<>("Meeting", event.meetingId(), sequence, event));
        }
    }

    /** An open item of KKR Nordjylland with only a title. */
    private static AgendaItemProposed titled(String title) {
        return new AgendaItemProposed(
                ID, "KKR Nordjylland", title, null, List.of(), null, null, null, List.of(), false);
    }
}
