package dk.sagsspor.query.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.sagsspor.events.SagssporEvent;
import dk.sagsspor.events.agendaitem.AgendaItemDecided;
import dk.sagsspor.events.agendaitem.AgendaItemProposed;
import dk.sagsspor.events.agendaitem.AgendaItemScheduled;
import dk.sagsspor.events.agendaitem.DecisionOutcome;
import dk.sagsspor.events.agendaitem.FollowUpAssigned;
import dk.sagsspor.events.agendaitem.FollowUpCompleted;
import dk.sagsspor.events.staff.StaffMemberRegistered;
import dk.sagsspor.query.EventRecords;
import dk.sagsspor.query.MailServer;
import dk.sagsspor.query.MailingServices;
import dk.sagsspor.query.QueryServiceInstance;
import dk.sagsspor.query.World;
import dk.sagsspor.testsupport.Http;
import dk.sagsspor.testsupport.MutableClock;
import dk.sagsspor.testsupport.RandomLetters;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Weekly digests end to end: whole query services (two of them, and one restarted) on real PostgreSQL, Kafka and an
 * SMTP server (GreenMail) in a world of their own, on a clock the test sets. Each test has staff members of its own
 * and a week of its own, and counts only the mails to its members' addresses: the services write to everyone in the
 * directory with an e-mail address.
 */
class DigestsIT {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");
    static final String NORD = "KKR Nordjylland";

    static final World WORLD = World.create("query_digests", 3);
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2025-01-01T09:00:00Z"));
    static MailingServices services;
    static MailServer smtp;
    static QueryServiceInstance first;
    static QueryServiceInstance second;

    final Map<String, Long> sequences = new HashMap<>();

    @BeforeAll
    static void twoInstancesAndAnSmtpServer() {
        services = MailingServices.start(
                WORLD,
                CLOCK,
                Map.of(
                        "sagsspor.digests.enabled", true,
                        "sagsspor.digests.poll-interval", "300ms",
                        "sagsspor.digests.initial-backoff", "5m"));
        smtp = services.smtp();
        first = services.first();
        second = services.second();
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    @Test
    void sendsEachStaffMemberOneDigestAWeekOnItsDayAndTimeTellingWhatChangedSinceTheLast() throws Exception {
        // Monday 16 June 2025 (week 25), early: the secretariat's work so far
        LocalDate monday = LocalDate.of(2025, 6, 16);
        CLOCK.set(at(monday, 6, 0));
        String initials = newStaffMember("Hanne Stougaard");
        String waiting = anItemOnTheAgenda(initials, "Budget 2026 for det specialiserede socialområde");
        Decided decided = aDecidedItemWithTwoFollowUps(
                "Socialtilsynet", initials, LocalDate.of(2025, 6, 10), LocalDate.of(2025, 6, 30));

        // nothing before 07:00, one digest from 07:00, and only one all week
        tickAt(monday, LocalTime.of(6, 59));
        JsonNode shown = awaitDigest(initials, d -> d.path("changes").size() == 7);
        assertThat(mailsTo(initials)).isEmpty();
        tickAt(monday, LocalTime.of(7, 0));
        MimeMessage mail = awaitMails(initials, 1).get(0);

        assertThat(shown.path("week").asString()).isEqualTo("2025-W25");
        assertThat(shown.path("followUps")
                        .valueStream()
                        .map(f -> f.path("description").asString()))
                .as("by due date, the overdue one first")
                .containsExactly("Afrapportering til styrelsen", "Status til KKR");
        assertThat(shown.path("followUps").get(0).path("overdue").asBoolean()).isTrue();
        assertThat(shown.path("followUps").get(0).path("daysLeft").asLong()).isEqualTo(-6);
        assertThat(shown.path("followUps").get(1).path("daysLeft").asLong()).isEqualTo(14);
        assertThat(shown.path("outstandingItems")
                        .valueStream()
                        .map(i -> i.path("id").asString()))
                .as("the item they are case officer of; the decided one is someone else's")
                .containsExactly(waiting);
        assertThat(shown.path("changes").valueStream().map(c -> c.path("type").asString()))
                .as("recorded at the same instant, so in no particular order")
                .containsExactlyInAnyOrder(
                        "AgendaItemProposed",
                        "AgendaItemScheduled",
                        "AgendaItemProposed",
                        "AgendaItemScheduled",
                        "AgendaItemDecided",
                        "FollowUpAssigned",
                        "FollowUpAssigned");

        assertThat(mail.getSubject())
                .isEqualTo("Ugens overblik, uge 25: 1 overskreden frist, 1 kommende frist, 1 sag i gang, 7 ændringer");
        assertThat(mail.getFrom()[0].toString()).contains("sagsspor@sagsspor.dk");
        String body = MailServer.text(mail);
        assertThat(body)
                .startsWith("Kære Hanne Stougaard")
                .contains("Overskredne frister (1)")
                .contains("- 10. juni 2025 (overskredet med 6 dage): Afrapportering til styrelsen")
                .contains("Kommende frister (1)")
                .contains("- 30. juni 2025 (om 14 dage): Status til KKR")
                .contains("Sager, du er sagsbehandler på, som ikke er afsluttet (1)")
                .contains("- Budget 2026 for det specialiserede socialområde, KKR Nordjylland, SAG-2025-00681")
                .contains("Ændringer siden 9. juni 2025 kl. 06.55 (7)")
                .contains("- Socialtilsynet\n    16. juni 2025 kl. 06.00");
        assertThat(body.indexOf("Overskredne frister")).isLessThan(body.indexOf("Kommende frister"));
        // the mail says what the API shows: every follow-up, item and change of the same moment
        shown.path("followUps")
                .forEach(f -> assertThat(body).contains(f.path("description").asString()));
        shown.path("outstandingItems")
                .forEach(i -> assertThat(body).contains(i.path("name").asString()));
        shown.path("changes")
                .forEach(c -> assertThat(body).contains(c.path("summary").asString()));

        JsonNode sent = deliveries(initials).get(0);
        assertThat(sent.path("state").asString()).isEqualTo("sent");
        assertThat(sent.path("week").asString()).isEqualTo("2025-W25");
        assertThat(sent.path("recipient").asString()).isEqualTo(email(initials));
        assertThat(sent.path("followUps").asInt()).isEqualTo(2);
        assertThat(sent.path("overdue").asInt()).isEqualTo(1);
        assertThat(sent.path("outstandingItems").asInt()).isEqualTo(1);
        assertThat(sent.path("changes").asInt()).isEqualTo(7);
        assertThat(mail.getMessageID()).isEqualTo("<" + sent.path("id").asString() + ".digest@sagsspor.dk>");

        tickAt(monday.plusDays(2), LocalTime.of(10, 0));
        settle();
        assertThat(mailsTo(initials)).as("once a week").hasSize(1);

        // Wednesday 18 June: the overdue follow-up is done. Monday 23 June (week 26): the second digest tells only that
        CLOCK.set(at(monday.plusDays(2), 11, 0));
        send(new FollowUpCompleted(decided.item(), decided.overdue(), "Sendt til styrelsen"));
        CLOCK.set(at(monday.plusDays(7), 6, 0));
        awaitDigest(initials, d -> d.path("changes").size() == 1);
        tickAt(monday.plusDays(7), LocalTime.of(7, 5));
        MimeMessage next = awaitMails(initials, 2).get(1);
        assertThat(next.getSubject()).isEqualTo("Ugens overblik, uge 26: 1 kommende frist, 1 sag i gang, 1 ændring");
        assertThat(MailServer.text(next))
                .contains("Ændringer siden 16. juni 2025 kl. 06.55 (1)")
                .contains("- Socialtilsynet\n    18. juni 2025 kl. 11.00")
                .doesNotContain("Overskredne frister");
        assertThat(deliveries(initials))
                .extracting(
                        d -> d.path("week").asString() + " " + d.path("state").asString())
                .containsExactly("2025-W26 sent", "2025-W25 sent");
        assertThat(first.http().get("/actuator/prometheus").body()
                        + second.http().get("/actuator/prometheus").body())
                .contains("sagsspor_digests_sent_total{application=\"query-service\"}");
    }

    @Test
    void twoInstancesTickingTogetherAndOneRestartedSendEachPersonOneDigestAWeek() throws Exception {
        CLOCK.set(at(LocalDate.of(2025, 7, 7), 6, 0)); // Monday, week 28, before the digests
        List<String> staff = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String initials = newStaffMember("Medarbejder " + i);
            aDecidedItemWithTwoFollowUps("Sag " + i, initials, LocalDate.of(2025, 8, 1), LocalDate.of(2025, 9, 1));
            staff.add(initials);
        }
        staff.forEach(initials -> awaitFollowUps(initials, 2));

        CLOCK.set(at(LocalDate.of(2025, 7, 7), 7, 30));
        CyclicBarrier together = new CyclicBarrier(2);
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            CompletableFuture<Void> one = CompletableFuture.runAsync(() -> tickTogether(first, together), threads);
            CompletableFuture<Void> other = CompletableFuture.runAsync(() -> tickTogether(second, together), threads);
            CompletableFuture.allOf(one, other).join();
        }
        staff.forEach(initials -> awaitMails(initials, 1));

        second = services.restartSecond();
        second.bean(DigestScheduler.class).tick();
        settle();

        for (String initials : staff) {
            assertThat(mailsTo(initials)).as(initials).hasSize(1);
            assertThat(deliveries(initials)).as(initials).hasSize(1);
        }
        assertThat(staff.stream()
                        .map(initials -> MailServer.messageId(mailsTo(initials).get(0)))
                        .distinct())
                .hasSize(staff.size());
    }

    @Test
    void anOptedOutPersonGetsNoDigestUntilTheyOptInAgainAndOnlyTheyOrTheSecretariatMayChooseSo() throws Exception {
        CLOCK.set(at(LocalDate.of(2025, 8, 11), 6, 0)); // Monday, week 33, before the digests
        String initials = newStaffMember("Karen Frederiksen");
        aDecidedItemWithTwoFollowUps(
                "Kommunernes tilbud", initials, LocalDate.of(2025, 9, 1), LocalDate.of(2025, 10, 1));
        awaitFollowUps(initials, 2);

        assertThat(first.http()
                        .as("reader")
                        .send("PUT", subscription(initials), "{\"subscribed\": false}")
                        .statusCode())
                .as("another reader may not")
                .isEqualTo(403);
        assertThat(first.http().send("PUT", subscription(initials), "{}").statusCode())
                .as("the choice must be made")
                .isEqualTo(400);
        JsonNode out = Http.json(first.http().send("PUT", subscription(initials), "{\"subscribed\": false}"));
        assertThat(out.path("subscribed").asBoolean()).isFalse();
        assertThat(out.path("changedBy").asString()).isEqualTo("tester");
        assertThat(Http.json(first.http().get("/api/digests/" + initials))
                        .path("subscribed")
                        .asBoolean())
                .isFalse();

        tickAt(LocalDate.of(2025, 8, 11), LocalTime.of(7, 0));
        settle();
        assertThat(mailsTo(initials)).isEmpty();
        assertThat(deliveries(initials)).isEmpty();

        JsonNode in = Http.json(first.http().send("PUT", subscription(initials), "{\"subscribed\": true}"));
        assertThat(in.path("subscribed").asBoolean()).isTrue();
        tickAt(LocalDate.of(2025, 8, 18), LocalTime.of(7, 0)); // week 34
        assertThat(awaitMails(initials, 1).get(0).getSubject()).startsWith("Ugens overblik, uge 34:");

        // a person may choose for themselves: the user named by their initials
        send(new StaffMemberRegistered("reader", "Læse Bruger", "reader@kl.dk"));
        await().atMost(PATIENCE)
                .until(() -> first.http().get("/api/staff/reader").statusCode() == 200);
        JsonNode own =
                Http.json(first.http().as("reader").send("PUT", subscription("reader"), "{\"subscribed\": false}"));
        assertThat(own.path("changedBy").asString()).isEqualTo("reader");
        assertThat(Http.json(first.http().as("reader").get(subscription("reader")))
                        .path("subscribed")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void aFailedMailIsRetriedWithBackoffNeverLostNorDoubled() throws Exception {
        CLOCK.set(at(LocalDate.of(2025, 9, 8), 6, 0));
        String initials = newStaffMember("Jens Madsen");
        aDecidedItemWithTwoFollowUps("Arbejdsmarked", initials, LocalDate.of(2025, 10, 1), LocalDate.of(2025, 11, 1));
        awaitFollowUps(initials, 2);
        smtp.close();
        try {
            tickAt(LocalDate.of(2025, 9, 8), LocalTime.of(7, 0));
            JsonNode failing = await().atMost(PATIENCE)
                    .until(
                            () -> deliveries(initials),
                            d -> d.size() == 1 && d.get(0).path("attempts").asInt() >= 1)
                    .get(0);
            assertThat(failing.path("state").asString()).isEqualTo("pending");
            assertThat(failing.path("reason").asString()).startsWith("mail: ");
            assertThat(first.http().get("/actuator/prometheus").body()
                            + second.http().get("/actuator/prometheus").body())
                    .contains("sagsspor_digests_failed_total");
        } finally {
            smtp.resume();
        }
        first.bean(DigestScheduler.class).tick();
        assertThat(mailsTo(initials)).as("not before the backoff has passed").isEmpty();

        CLOCK.advance(Duration.ofMinutes(5));
        awaitMails(initials, 1);
        settle();
        assertThat(mailsTo(initials)).hasSize(1);
        JsonNode sent = deliveries(initials).get(0);
        assertThat(sent.path("state").asString()).isEqualTo("sent");
        assertThat(sent.path("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void someoneWithNothingToTellGetsNoMailAndTheRecordSaysWhy() throws Exception {
        CLOCK.set(at(LocalDate.of(2025, 10, 6), 6, 0));
        String initials = newStaffMember("Ole Nielsen");
        await().atMost(PATIENCE)
                .until(() -> first.http().get("/api/staff/" + initials).statusCode() == 200);
        tickAt(LocalDate.of(2025, 10, 6), LocalTime.of(7, 0));
        settle();
        assertThat(mailsTo(initials)).isEmpty();
        JsonNode skipped = deliveries(initials).get(0);
        assertThat(skipped.path("state").asString()).isEqualTo("skipped");
        assertThat(skipped.path("reason").asString()).isEqualTo("nothing to tell");
    }

    @Test
    void aClosedItemIsInItsOfficersMailButShownToOtherReadersOnlyIfTheyMaySeeIt() throws Exception {
        CLOCK.set(at(LocalDate.of(2025, 11, 10), 6, 0));
        String initials = newStaffMember("Lise Holm");
        String item = UUID.randomUUID().toString();
        send(new AgendaItemProposed(
                item,
                NORD,
                "Personalesag (lukket)",
                "SAG-2025-01001",
                List.of(initials),
                null,
                null,
                null,
                null,
                true));
        await().atMost(PATIENCE)
                .until(() -> first.http().get("/api/agenda-items/" + item).statusCode() == 200);

        assertThat(Http.json(first.http().as("nord").get("/api/digests/" + initials))
                        .path("outstandingItems")
                        .size())
                .as("the committee's secretary sees it")
                .isEqualTo(1);
        JsonNode asMidt = Http.json(first.http().as("midt").get("/api/digests/" + initials));
        assertThat(asMidt.path("outstandingItems").size())
                .as("another committee's does not")
                .isZero();
        assertThat(asMidt.path("changes").size()).isZero();

        tickAt(LocalDate.of(2025, 11, 10), LocalTime.of(7, 0));
        assertThat(MailServer.text(awaitMails(initials, 1).get(0))).contains("Personalesag (lukket)");
    }

    @Test
    void anAdminRaisesTheWeeksDigestForSomeoneEnteredAfterItWasRaisedOnce() throws Exception {
        LocalDate monday = LocalDate.of(2025, 12, 1); // week 49
        CLOCK.set(at(monday, 6, 0));
        String early = newStaffMember("Anne Holm");
        aDecidedItemWithTwoFollowUps("Beskæftigelse", early, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 2));
        awaitFollowUps(early, 2);
        tickAt(monday, LocalTime.of(7, 0));
        awaitMails(early, 1);

        CLOCK.set(at(monday, 10, 0));
        String late = newStaffMember("Bo Lund");
        aDecidedItemWithTwoFollowUps("Uddannelse", late, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 2));
        awaitFollowUps(late, 2);
        tickAt(monday, LocalTime.of(10, 1));
        assertThat(deliveries(late)).as("entered after the week was raised").isEmpty();

        assertThat(first.http()
                        .as("nord")
                        .postJson("/api/admin/digests/raise", "")
                        .statusCode())
                .isEqualTo(403);
        JsonNode raised = Http.json(first.http().postJson("/api/admin/digests/raise", ""));
        assertThat(raised.path("week").asString()).isEqualTo("2025-W49");
        assertThat(raised.path("raised").asInt()).isPositive();
        tickAt(monday, LocalTime.of(10, 2));
        awaitMails(late, 1);
        assertThat(Http.json(first.http().postJson("/api/admin/digests/raise", ""))
                        .path("raised")
                        .asInt())
                .as("asked again")
                .isZero();
        settle();
        assertThat(mailsTo(late)).hasSize(1);
        assertThat(mailsTo(early)).hasSize(1);
    }

    // --- the world ------------------------------------------------------------------------------------------------

    record Decided(String item, String overdue, String upcoming) {}

    String newStaffMember(String name) {
        String initials = "d" + RandomLetters.of(6);
        send(new StaffMemberRegistered(initials, name, email(initials)));
        return initials;
    }

    static String email(String initials) {
        return initials + "@kl.dk";
    }

    /** An item of the staff member's, scheduled on a meeting: outstanding. */
    String anItemOnTheAgenda(String officer, String title) {
        String item = UUID.randomUUID().toString();
        send(new AgendaItemProposed(
                item, NORD, title, "SAG-2025-00681", List.of(officer), null, null, null, null, false));
        send(new AgendaItemScheduled(item, UUID.randomUUID().toString()));
        return item;
    }

    /** Someone else's decided item with two follow-ups for the staff member, the first due first. */
    Decided aDecidedItemWithTwoFollowUps(String title, String assignee, LocalDate firstDue, LocalDate secondDue) {
        String item = UUID.randomUUID().toString();
        String meeting = UUID.randomUUID().toString();
        Decided decided = new Decided(
                item, UUID.randomUUID().toString(), UUID.randomUUID().toString());
        send(new AgendaItemProposed(
                item, NORD, title, "SAG-2025-00712", List.of("hast"), null, null, null, null, false));
        send(new AgendaItemScheduled(item, meeting));
        send(new AgendaItemDecided(item, meeting, DecisionOutcome.APPROVED, "Tiltrådt."));
        send(new FollowUpAssigned(item, decided.overdue(), "Afrapportering til styrelsen", firstDue, assignee, null));
        send(new FollowUpAssigned(item, decided.upcoming(), "Status til KKR", secondDue, assignee, null));
        return decided;
    }

    /** The staff member's open follow-ups are all projected. */
    static void awaitFollowUps(String initials, int open) {
        await().atMost(PATIENCE)
                .until(() -> Http.json(first.http().get("/api/follow-ups?assignee=" + initials))
                                .path("data")
                                .size()
                        == open);
    }

    /** The staff member's digest as the API shows it now, once it is as expected (the read models are behind). */
    static JsonNode awaitDigest(String initials, java.util.function.Predicate<JsonNode> expected) {
        return await().atMost(PATIENCE).until(() -> Http.json(first.http().get("/api/digests/" + initials)), expected);
    }

    /** Sends an event as the command service records it, at the clock's time. */
    void send(SagssporEvent event) {
        long sequence = sequences.merge(event.aggregateId(), 1L, Long::sum) - 1;
        @SuppressWarnings("unchecked")
        KafkaTemplate<String, byte[]> kafka = first.bean(KafkaTemplate.class);
        kafka.send(EventRecords.record(
                        WORLD.topic(), event, sequence, UUID.randomUUID().toString(), CLOCK.instant()))
                .join();
    }

    static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(DENMARK).toInstant();
    }

    /** Sets the clock and has both instances tick (their own polling runs too). */
    static void tickAt(LocalDate day, LocalTime time) {
        CLOCK.set(day.atTime(time).atZone(DENMARK).toInstant());
        first.bean(DigestScheduler.class).tick();
        second.bean(DigestScheduler.class).tick();
    }

    static void tickTogether(QueryServiceInstance instance, CyclicBarrier together) {
        try {
            for (int i = 0; i < 5; i++) {
                together.await(30, TimeUnit.SECONDS);
                instance.bean(DigestScheduler.class).tick();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Gives both instances' own polling a few more rounds, in which a duplicate would show. */
    static void settle() throws InterruptedException {
        Thread.sleep(1000);
        first.bean(DigestScheduler.class).tick();
        second.bean(DigestScheduler.class).tick();
    }

    static String subscription(String initials) {
        return "/api/digests/" + initials + "/subscription";
    }

    static List<JsonNode> deliveries(String initials) {
        return Http.json(first.http().get("/api/digests?initials=" + initials))
                .path("data")
                .valueStream()
                .toList();
    }

    static List<MimeMessage> mailsTo(String initials) {
        return smtp.mailsTo(email(initials));
    }

    static List<MimeMessage> awaitMails(String initials, int count) {
        return smtp.awaitMails(email(initials), count, PATIENCE);
    }
}
