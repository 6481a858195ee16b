package dk.sagsspor.command.meeting;

import dk.sagsspor.command.meeting.MeetingCommands.ApproveMinutes;
import dk.sagsspor.command.meeting.MeetingCommands.CancelMeeting;
import dk.sagsspor.command.meeting.MeetingCommands.CloseMeeting;
import dk.sagsspor.command.meeting.MeetingCommands.OpenMeeting;
import dk.sagsspor.command.meeting.MeetingCommands.PromiseNextAgenda;
import dk.sagsspor.command.meeting.MeetingCommands.PublishAgenda;
import dk.sagsspor.command.meeting.MeetingCommands.RenumberAgendaItem;
import dk.sagsspor.command.meeting.MeetingCommands.ReorderAgenda;
import dk.sagsspor.command.meeting.MeetingCommands.RescheduleMeeting;
import dk.sagsspor.command.meeting.MeetingCommands.ReviewUndertaking;
import dk.sagsspor.command.meeting.MeetingCommands.ScheduleMeeting;
import dk.sagsspor.events.meeting.AgendaEntry;
import dk.sagsspor.events.meeting.MeetingAgendaItemAdded;
import dk.sagsspor.events.meeting.MeetingAgendaItemRenumbered;
import dk.sagsspor.events.meeting.MeetingAgendaPublished;
import dk.sagsspor.events.meeting.MeetingAgendaReordered;
import dk.sagsspor.events.meeting.MeetingCancelled;
import dk.sagsspor.events.meeting.MeetingClosed;
import dk.sagsspor.events.meeting.MeetingMinutesApproved;
import dk.sagsspor.events.meeting.MeetingNextAgendaPromised;
import dk.sagsspor.events.meeting.MeetingOpened;
import dk.sagsspor.events.meeting.MeetingRescheduled;
import dk.sagsspor.events.meeting.MeetingScheduled;
import dk.sagsspor.events.meeting.MeetingUndertakingReviewed;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MeetingTest {

    static final String ID = "meeting-1";
    static final Instant START = Instant.parse("2025-04-11T08:00:00Z");
    static final MeetingScheduled SCHEDULED =
            new MeetingScheduled(ID, "KKR Nordjylland", START, START.plusSeconds(7200), "Aalborg Rådhus");
    static final MeetingAgendaItemAdded FIRST_ITEM =
            new MeetingAgendaItemAdded(ID, "item-1", "1.1", "Godkendelse af referat", false);
    static final MeetingAgendaItemAdded SECOND_ITEM =
            new MeetingAgendaItemAdded(ID, "item-2", "3.1", "Regionalpolitiske sager", false);

    static final java.util.Set<String> NUMBER = java.util.Set.of("number");
    static final java.util.Set<String> SECTION = java.util.Set.of("section");
    static final java.util.Set<String> BOTH = java.util.Set.of("number", "section");

    static final java.time.LocalDate NEXT = java.time.LocalDate.of(2025, 6, 20);

    private AggregateTestFixture<Meeting> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Meeting.class);
    }

    @Test
    void schedulesMeetingOfCommittee() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleMeeting(
                        ID, "KKR Nordjylland", START, START.plusSeconds(7200), "Aalborg Rådhus", false))
                .expectEvents(SCHEDULED);
    }

    @Test
    void schedulesAMeetingKnownByItsDayOnly() {
        Instant day = Instant.parse("2023-04-27T22:00:00Z");
        fixture.givenNoPriorActivity()
                .when(new ScheduleMeeting(ID, "KKR Midtjylland", day, null, null, true))
                .expectEvents(new MeetingScheduled(ID, "KKR Midtjylland", day, null, null, true));
    }

    @Test
    void reschedulesMeetingNotYetOpened() {
        fixture.given(SCHEDULED)
                .when(new RescheduleMeeting(ID, null, START.plusSeconds(3600), null, "Hjørring", "Lokalet er optaget"))
                .expectEvents(
                        new MeetingRescheduled(ID, START.plusSeconds(3600), null, "Hjørring", "Lokalet er optaget"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void rejectsReschedulingAnOpenMeeting() {
        fixture.given(SCHEDULED, new MeetingOpened(ID))
                .when(new RescheduleMeeting(ID, null, START, null, "Hjørring", null))
                .expectException(MeetingAlreadyOpened.class)
                .expectNoEvents();
    }

    @Test
    void cancellationListsTheItemsOnTheAgenda() {
        fixture.given(SCHEDULED, FIRST_ITEM, SECOND_ITEM)
                .when(new CancelMeeting(ID, null, "Ikke beslutningsdygtigt"))
                .expectEvents(new MeetingCancelled(ID, "Ikke beslutningsdygtigt", List.of("item-1", "item-2")));
    }

    @Test
    void rejectsCancellingAClosedMeeting() {
        fixture.given(SCHEDULED, new MeetingOpened(ID), new MeetingClosed(ID, List.of()))
                .when(new CancelMeeting(ID, null, "For sent"))
                .expectException(MeetingAlreadyClosed.class);
    }

    @Test
    void rejectsOpeningACancelledMeeting() {
        fixture.given(SCHEDULED, new MeetingCancelled(ID, "Aflyst", List.of()))
                .when(new OpenMeeting(ID, null))
                .expectException(MeetingAlreadyCancelled.class);
    }

    @Test
    void publishesTheAgendaAsItStands() {
        fixture.given(SCHEDULED, FIRST_ITEM, SECOND_ITEM)
                .when(new PublishAgenda(ID, null))
                .expectEvents(new MeetingAgendaPublished(
                        ID,
                        List.of(
                                new AgendaEntry("item-1", "1.1", "Godkendelse af referat"),
                                new AgendaEntry("item-2", "3.1", "Regionalpolitiske sager"))));
    }

    @Test
    void refusesToPublishAnAgendaWithALineWithoutANumber() {
        fixture.given(SCHEDULED, FIRST_ITEM, new MeetingAgendaItemAdded(ID, "carried", null, null, false))
                .when(new PublishAgenda(ID, null))
                .expectException(AgendaHasUnnumberedLines.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("(agenda items carried)"))
                .expectNoEvents();
    }

    @Test
    void rejectsPublishingAnEmptyAgenda() {
        fixture.given(SCHEDULED).when(new PublishAgenda(ID, null)).expectException(AgendaIsEmpty.class);
    }

    @Test
    void changesAfterPublicationAreAmendments() {
        fixture.given(SCHEDULED, FIRST_ITEM, SECOND_ITEM, new MeetingAgendaPublished(ID, List.of()))
                .when(new RenumberAgendaItem(ID, null, "item-2", BOTH, "3.2", "Regionalpolitiske sager"))
                .expectEvents(new MeetingAgendaItemRenumbered(ID, "item-2", "3.2", "Regionalpolitiske sager", true));
    }

    @Test
    void renumberingKeepsTheSectionAndMovingKeepsTheNumber() {
        fixture.given(SCHEDULED, FIRST_ITEM, SECOND_ITEM)
                .when(new RenumberAgendaItem(ID, null, "item-2", NUMBER, "3.6", null))
                .expectEvents(new MeetingAgendaItemRenumbered(ID, "item-2", "3.6", "Regionalpolitiske sager", false));
        fixture.given(SCHEDULED, FIRST_ITEM, SECOND_ITEM)
                .when(new RenumberAgendaItem(ID, null, "item-2", SECTION, null, "Orientering"))
                .expectEvents(new MeetingAgendaItemRenumbered(ID, "item-2", "3.1", "Orientering", false));
        fixture.given(SCHEDULED, FIRST_ITEM, SECOND_ITEM)
                .when(new RenumberAgendaItem(ID, null, "item-2", SECTION, null, null))
                .expectEvents(new MeetingAgendaItemRenumbered(ID, "item-2", "3.1", null, false));
    }

    @Test
    void rejectsANumberAlreadyOnTheAgenda() {
        fixture.given(SCHEDULED, FIRST_ITEM, SECOND_ITEM)
                .when(new RenumberAgendaItem(ID, null, "item-2", NUMBER, "1.1", null))
                .expectException(AgendaNumberTaken.class);
    }

    @Test
    void rejectsRenumberingAnItemNotOnTheAgenda() {
        fixture.given(SCHEDULED, FIRST_ITEM)
                .when(new RenumberAgendaItem(ID, null, "item-9", NUMBER, "2.1", null))
                .expectException(AgendaItemNotOnAgenda.class);
    }

    @Test
    void rejectsRenumberingOnACancelledMeeting() {
        fixture.given(SCHEDULED, FIRST_ITEM, new MeetingCancelled(ID, "Aflyst", List.of("item-1")))
                .when(new RenumberAgendaItem(ID, null, "item-1", NUMBER, "2.1", null))
                .expectException(MeetingAlreadyCancelled.class);
    }

    @Test
    void reordersTheAgenda() {
        fixture.given(SCHEDULED, FIRST_ITEM, SECOND_ITEM)
                .when(new ReorderAgenda(ID, null, List.of("item-2", "item-1")))
                .expectEvents(new MeetingAgendaReordered(ID, List.of("item-2", "item-1"), false));
    }

    @Test
    void rejectsAnOrderThatIsNotAPermutationOfTheAgenda() {
        fixture.given(SCHEDULED, FIRST_ITEM, SECOND_ITEM)
                .when(new ReorderAgenda(ID, null, List.of("item-2", "item-2")))
                .expectException(AgendaOrderMismatch.class);
    }

    @Test
    void closingListsTheItemsOnTheAgenda() {
        fixture.given(SCHEDULED, FIRST_ITEM, SECOND_ITEM, new MeetingOpened(ID))
                .when(new CloseMeeting(ID, null))
                .expectEvents(new MeetingClosed(ID, List.of("item-1", "item-2")));
    }

    @Test
    void rejectsClosingAMeetingThatIsNotOpen() {
        fixture.given(SCHEDULED).when(new CloseMeeting(ID, null)).expectException(MeetingNotOpen.class);
    }

    @Test
    void rejectsChangingTheAgendaOfAClosedMeeting() {
        fixture.given(SCHEDULED, FIRST_ITEM, SECOND_ITEM, new MeetingOpened(ID), new MeetingClosed(ID, List.of()))
                .when(new ReorderAgenda(ID, null, List.of("item-2", "item-1")))
                .expectException(MeetingAlreadyClosed.class);
    }

    @Test
    void approvesMinutesWithCorrectionsAfterTheMeeting() {
        fixture.given(SCHEDULED, new MeetingOpened(ID), new MeetingClosed(ID, List.of()))
                .when(new ApproveMinutes(ID, null, List.of("Punkt 3.1: fristen er 30. juni")))
                .expectEvents(new MeetingMinutesApproved(ID, List.of("Punkt 3.1: fristen er 30. juni")));
    }

    @Test
    void rejectsApprovingMinutesBeforeTheMeetingIsClosed() {
        fixture.given(SCHEDULED, new MeetingOpened(ID))
                .when(new ApproveMinutes(ID, null, List.of()))
                .expectException(MeetingNotClosed.class);
    }

    @Test
    void rejectsApprovingMinutesTwice() {
        fixture.given(
                        SCHEDULED,
                        new MeetingOpened(ID),
                        new MeetingClosed(ID, List.of()),
                        new MeetingMinutesApproved(ID, List.of()))
                .when(new ApproveMinutes(ID, null, List.of()))
                .expectException(MinutesAlreadyApproved.class);
    }

    @Test
    void rejectsAStaleExpectedVersion() {
        fixture.given(SCHEDULED, new MeetingOpened(ID))
                .when(new CloseMeeting(ID, 0L))
                .expectException(dk.sagsspor.command.VersionedCommand.StaleVersion.class)
                .expectNoEvents();
    }

    @Test
    void promisesItemsForTheNextMeetingInTheMinutesTrimmed() {
        fixture.given(SCHEDULED, new MeetingOpened(ID), new MeetingClosed(ID, List.of()))
                .when(new PromiseNextAgenda(ID, null, NEXT, List.of("  KKR fremadrettet ")))
                .expectEvents(new MeetingNextAgendaPromised(ID, NEXT, List.of("KKR fremadrettet")))
                .expectResultMessagePayload(3L);
    }

    @Test
    void aLaterPromiseReplacesTheEarlierAndAnUnchangedOneRecordsNothing() {
        MeetingNextAgendaPromised earlier = new MeetingNextAgendaPromised(ID, NEXT, List.of("KKR fremadrettet"));
        fixture.given(SCHEDULED, new MeetingOpened(ID), earlier)
                .when(new PromiseNextAgenda(ID, null, NEXT, List.of("KKR fremadrettet")))
                .expectNoEvents();
        fixture.given(SCHEDULED, new MeetingOpened(ID), earlier)
                .when(new PromiseNextAgenda(ID, null, null, List.of("KKR fremadrettet", "Budget 2026")))
                .expectEvents(new MeetingNextAgendaPromised(ID, null, List.of("KKR fremadrettet", "Budget 2026")));
    }

    static final String UNDERTAKING = "En opdatering på sundhedsreformen ønskes på næste møde.";

    @Test
    void acceptsAnUndertakingUnderItsTitleAndRecordsTheSameReviewOnce() {
        MeetingUndertakingReviewed accepted =
                new MeetingUndertakingReviewed(ID, "item-1", UNDERTAKING, true, "Opdatering på sundhedsreformen");
        fixture.given(SCHEDULED, new MeetingOpened(ID), new MeetingClosed(ID, List.of()))
                .when(new ReviewUndertaking(
                        ID, null, "item-1", " " + UNDERTAKING + " ", true, " Opdatering på sundhedsreformen"))
                .expectEvents(accepted)
                .expectResultMessagePayload(3L);
        fixture.given(SCHEDULED, new MeetingOpened(ID), new MeetingClosed(ID, List.of()), accepted)
                .when(new ReviewUndertaking(ID, null, "item-1", UNDERTAKING, true, "Opdatering på sundhedsreformen"))
                .expectNoEvents();
    }

    @Test
    void aDismissalReplacesAnAcceptanceAndKeepsNoTitle() {
        fixture.given(
                        SCHEDULED,
                        new MeetingOpened(ID),
                        new MeetingUndertakingReviewed(ID, "item-1", UNDERTAKING, true, "Opdatering"))
                .when(new ReviewUndertaking(ID, null, "item-1", UNDERTAKING, false, "ignored"))
                .expectEvents(new MeetingUndertakingReviewed(ID, "item-1", UNDERTAKING, false, null));
    }

    @Test
    void rejectsAReviewBeforeTheMeetingOrAfterItsMinutesWereApproved() {
        fixture.given(SCHEDULED)
                .when(new ReviewUndertaking(ID, null, "item-1", UNDERTAKING, true, "Opdatering"))
                .expectException(MeetingNotOpen.class);
        fixture.given(
                        SCHEDULED,
                        new MeetingOpened(ID),
                        new MeetingClosed(ID, List.of()),
                        new MeetingMinutesApproved(ID, List.of()))
                .when(new ReviewUndertaking(ID, null, "item-1", UNDERTAKING, true, "Opdatering"))
                .expectException(MinutesAlreadyApproved.class);
    }

    @Test
    void rejectsAPromiseBeforeTheMeetingOrAfterItsMinutesWereApproved() {
        fixture.given(SCHEDULED)
                .when(new PromiseNextAgenda(ID, null, NEXT, List.of("KKR fremadrettet")))
                .expectException(MeetingNotOpen.class);
        fixture.given(
                        SCHEDULED,
                        new MeetingOpened(ID),
                        new MeetingClosed(ID, List.of()),
                        new MeetingMinutesApproved(ID, List.of()))
                .when(new PromiseNextAgenda(ID, null, NEXT, List.of("KKR fremadrettet")))
                .expectException(MinutesAlreadyApproved.class);
        fixture.given(SCHEDULED, new MeetingCancelled(ID, "Aflyst", List.of()))
                .when(new PromiseNextAgenda(ID, null, NEXT, List.of("KKR fremadrettet")))
                .expectException(MeetingAlreadyCancelled.class);
    }

    @Test
    void rejectsAPromiseOfNothingOrOfABlankItem() {
        fixture.given(SCHEDULED, new MeetingOpened(ID))
                .when(new PromiseNextAgenda(ID, null, NEXT, List.of()))
                .expectException(NoItemsPromised.class);
        fixture.given(SCHEDULED, new MeetingOpened(ID))
                .when(new PromiseNextAgenda(ID, null, NEXT, java.util.Arrays.asList("Budget", " ")))
                .expectException(NoItemsPromised.class);
    }
}
