package dk.sagsspor.query.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.sagsspor.events.SagssporEvent;
import dk.sagsspor.events.agendaitem.AgendaItemDecided;
import dk.sagsspor.events.agendaitem.AgendaItemProposed;
import dk.sagsspor.events.agendaitem.AgendaItemScheduled;
import dk.sagsspor.events.agendaitem.DecisionOutcome;
import dk.sagsspor.events.agendaitem.FollowUpAssigned;
import dk.sagsspor.events.agendaitem.FollowUpCompleted;
import dk.sagsspor.events.agendaitem.FollowUpDueDateChanged;
import dk.sagsspor.events.alert.DeadlineAlert;
import dk.sagsspor.events.staff.StaffMemberRegistered;
import dk.sagsspor.query.EventRecords;
import dk.sagsspor.query.MailServer;
import dk.sagsspor.query.MailingServices;
import dk.sagsspor.query.QueryServiceInstance;
import dk.sagsspor.query.World;
import dk.sagsspor.testsupport.MutableClock;
import dk.sagsspor.testsupport.RandomLetters;
import dk.sagsspor.testsupport.RealInfrastructure;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deadline alerts end to end: whole query services (two of them, and one restarted) on real PostgreSQL, Kafka and an
 * SMTP server (GreenMail) in a world of their own, on a clock the test sets. Each test has its own staff member, and
 * counts only the mails to that member's address: the services alert everyone whose deadlines the clock reaches.
 */
class DeadlineAlertsIT {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");
    /** A Monday. */
    static final LocalDate DUE = LocalDate.of(2025, 6, 16);

    static final World WORLD = World.create("query_alerts", 3);
    static final String ALERT_TOPIC = WORLD.topic().replace(".events", ".alerts");
    static final MutableClock CLOCK = new MutableClock(at(DUE.minusDays(30), 10, 0));
    static final JsonMapper JSON = JsonMapper.builder().build();
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
                        "sagsspor.alerts.enabled",
                        true,
                        "sagsspor.alerts.poll-interval",
                        "300ms",
                        "sagsspor.alerts.topic",
                        ALERT_TOPIC,
                        "sagsspor.alerts.initial-backoff",
                        "5m"));
        smtp = services.smtp();
        first = services.first();
        second = services.second();
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    @BeforeEach
    void aMonthBeforeTheDueDate() {
        CLOCK.set(at(DUE.minusDays(30), 10, 0));
    }

    @Test
    void remindsSevenDaysAndOneDayBeforeTheDueDateAndAlertsTheDayAfter() throws Exception {
        Deadline deadline = aDecidedItemWithAFollowUp("Afrapportering til Social- og Boligstyrelsen");

        tickOnDay(DUE.minusDays(8));
        assertThat(mailsTo(deadline.email)).isEmpty();

        tickOnDay(DUE.minusDays(7));
        MimeMessage reminder = awaitMails(deadline.email, 1).get(0);
        assertThat(reminder.getSubject()).isEqualTo("Frist om 7 dage: Afrapportering til Social- og Boligstyrelsen");
        assertThat(reminder.getFrom()[0].toString()).contains("sagsspor@sagsspor.dk");
        String body = MailServer.text(reminder);
        assertThat(body)
                .startsWith("Kære Hanne Stougaard")
                .contains("har frist mandag den 16. juni 2025 – om 7 dage.")
                .contains("Dagsordenspunkt: Socialtilsynet")
                .contains("Sagsnummer: SAG-2025-00712")
                .contains("Fra teksten: \"senest den 16. juni 2025\"")
                .contains("Opfølgning: " + deadline.followUp);
        JsonNode sentReminder = alerts(deadline.followUp).get(0);
        assertThat(sentReminder.path("state").asString()).isEqualTo("sent");
        assertThat(sentReminder.path("recipient").asString()).isEqualTo(deadline.email);
        assertThat(reminder.getMessageID())
                .isEqualTo("<" + sentReminder.path("id").asString() + ".alert@sagsspor.dk>");

        tickOnDay(DUE.minusDays(1));
        assertThat(awaitMails(deadline.email, 2).get(1).getSubject())
                .isEqualTo("Frist i morgen: Afrapportering til Social- og Boligstyrelsen");

        tickOnDay(DUE);
        tickOnDay(DUE.plusDays(1));
        List<MimeMessage> mails = awaitMails(deadline.email, 3);
        assertThat(mails.get(2).getSubject())
                .isEqualTo("Frist overskredet: Afrapportering til Social- og Boligstyrelsen");
        assertThat(MailServer.text(mails.get(2))).contains("Den er overskredet med 1 dag.");

        List<CloudEvent> published = awaitPublished(deadline.followUp, 3);
        assertThat(published).extracting(CloudEvent::getType).containsOnly(DeadlineAlert.TYPE);
        List<DeadlineAlert> payloads = published.stream()
                .map(event -> JSON.readValue(event.getData().toBytes(), DeadlineAlert.class))
                .toList();
        assertThat(payloads).extracting(DeadlineAlert::daysBefore).containsExactly(7, 1, -1);
        assertThat(payloads).extracting(DeadlineAlert::kind).containsExactly("reminder", "reminder", "overdue");
        assertThat(payloads.get(0).assigneeName()).isEqualTo("Hanne Stougaard");
        assertThat(payloads.get(0).dueDate()).isEqualTo(DUE);
        assertThat(new String(published.get(0).getData().toBytes(), java.nio.charset.StandardCharsets.UTF_8))
                .as("the published language writes instants as its golden samples do, in UTC")
                .containsPattern("\"raisedAt\":\"[0-9T:.-]+Z\"");
        assertThat(published.get(0).getId()).isEqualTo(sentReminder.path("id").asString());
        assertThat(first.http().get("/actuator/prometheus").body()
                        + second.http().get("/actuator/prometheus").body())
                .contains(
                        "sagsspor_alerts_sent_total{application=\"query-service\",channel=\"mail\",kind=\"overdue\"}");
        settle();
        assertThat(mailsTo(deadline.email)).hasSize(3);
    }

    @Test
    void twoInstancesTickingTogetherAlertEachFollowUpOnce() throws Exception {
        List<Deadline> deadlines = new ArrayList<>();
        String initials = newStaffMember();
        for (int i = 0; i < 25; i++) {
            deadlines.add(assign(initials, "Opgave " + i));
        }
        deadlines.forEach(DeadlineAlertsIT::awaitProjected);
        CLOCK.set(at(DUE.minusDays(7), 10, 0));
        CyclicBarrier together = new CyclicBarrier(2);
        CompletableFuture<Void> one = CompletableFuture.runAsync(() -> tickTogether(first, together));
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> tickTogether(second, together));
        CompletableFuture.allOf(one, other).join();

        String email = deadlines.get(0).email;
        awaitMails(email, 25);
        settle();
        List<MimeMessage> mails = mailsTo(email);
        assertThat(mails).hasSize(25);
        assertThat(mails.stream().map(MailServer::messageId).distinct()).hasSize(25);
        Map<String, List<CloudEvent>> published = published();
        for (Deadline deadline : deadlines) {
            assertThat(alerts(deadline.followUp)).hasSize(1);
            assertThat(published.get(deadline.followUp)).hasSize(1);
        }
    }

    @Test
    void aRestartedInstanceDoesNotAlertAgain() throws Exception {
        Deadline deadline = aDecidedItemWithAFollowUp("Høringssvar til regionen");
        tickOnDay(DUE.minusDays(7));
        awaitMails(deadline.email, 1);

        second = services.restartSecond();
        second.bean(AlertScheduler.class).tick();
        settle();

        assertThat(mailsTo(deadline.email)).hasSize(1);
        assertThat(alerts(deadline.followUp)).hasSize(1);
    }

    @Test
    void anAlertHeldByAnInstanceThatCrashedIsDeliveredOnceItsLeaseEnds() throws Exception {
        Deadline deadline = aDecidedItemWithAFollowUp("Budget til KKR");
        CLOCK.set(at(DUE.minusDays(7), 6, 0)); // before 07:00, when nothing is raised
        JdbcClient jdbc = first.bean(JdbcClient.class);
        // an instance raised and claimed the alert, then crashed before it could deliver it
        jdbc.sql("""
                        insert into alert (id, follow_up_id, due_date, days_before, assignee, raised_at, state, attempts,
                                           next_attempt_at, claim, lease_until)
                        values (:id, :followUp, :due, 7, :assignee, :now, 'PENDING', 1, :now, 'crashed-instance',
                                :leaseUntil)""")
                .param("id", UUID.randomUUID().toString())
                .param("followUp", deadline.followUp)
                .param("due", java.sql.Date.valueOf(DUE))
                .param("assignee", deadline.email.substring(0, deadline.email.indexOf('@')))
                .param("now", java.sql.Timestamp.from(CLOCK.instant()))
                .param("leaseUntil", java.sql.Timestamp.from(at(DUE.minusDays(7), 7, 30)))
                .update();
        // the crashed instance never reports back; the others see the lease and keep off
        tickOnDay(DUE.minusDays(7), LocalTime.of(7, 1));
        assertThat(mailsTo(deadline.email)).isEmpty();

        CLOCK.set(at(DUE.minusDays(7), 7, 30));
        first.bean(AlertScheduler.class).tick();
        awaitMails(deadline.email, 1);
        settle();
        assertThat(mailsTo(deadline.email)).hasSize(1);
        assertThat(jdbc.sql("select attempts from alert where follow_up_id = :id")
                        .param("id", deadline.followUp)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void aMovedDueDateArmsTheRemindersAgainAndAClosedFollowUpIsNotAlerted() throws Exception {
        Deadline deadline = aDecidedItemWithAFollowUp("Status på handleplanen");
        tickOnDay(DUE.minusDays(7));
        awaitMails(deadline.email, 1);

        LocalDate moved = DUE.plusDays(14);
        send(new FollowUpDueDateChanged(deadline.item, deadline.followUp, moved, "Styrelsen har forlænget fristen"));
        await().atMost(PATIENCE)
                .until(() -> first.http()
                        .get("/api/follow-ups/" + deadline.followUp)
                        .body()
                        .contains(moved.toString()));
        tickOnDay(DUE.minusDays(1));
        tickOnDay(moved.minusDays(7));
        List<MimeMessage> mails = awaitMails(deadline.email, 2);
        assertThat(MailServer.text(mails.get(1))).contains("har frist mandag den 30. juni 2025 – om 7 dage.");

        send(new FollowUpCompleted(deadline.item, deadline.followUp, "Sendt til styrelsen"));
        await().atMost(PATIENCE)
                .until(() -> first.http()
                        .get("/api/follow-ups/" + deadline.followUp)
                        .body()
                        .contains("\"done\""));
        tickOnDay(moved.minusDays(1));
        tickOnDay(moved.plusDays(1));
        settle();
        assertThat(mailsTo(deadline.email)).hasSize(2);
        assertThat(alerts(deadline.followUp))
                .extracting(alert -> alert.path("dueDate").asString() + " "
                        + alert.path("daysBefore").asInt())
                .containsExactlyInAnyOrder(DUE + " 7", moved + " 7");
    }

    @Test
    void aFailedMailIsRetriedWithBackoffNeverLostNorDoubled() throws Exception {
        Deadline deadline = aDecidedItemWithAFollowUp("Indberetning af tal");
        smtp.close();
        try {
            tickOnDay(DUE.minusDays(7));
            JsonNode failing = await().atMost(PATIENCE)
                    .until(
                            () -> alerts(deadline.followUp),
                            a -> a.size() == 1 && a.get(0).path("attempts").asInt() >= 1)
                    .get(0);
            assertThat(failing.path("state").asString()).isEqualTo("pending");
            assertThat(failing.path("lastError").asString()).startsWith("mail: ");
            assertThat(OffsetDateTime.parse(failing.path("nextAttempt").asString())
                            .toInstant())
                    .isAfter(CLOCK.instant());
            assertThat(first.http().get("/actuator/prometheus").body()
                            + second.http().get("/actuator/prometheus").body())
                    .contains("sagsspor_alerts_failed_total{application=\"query-service\",channel=\"mail\"");
        } finally {
            smtp.resume();
        }
        first.bean(AlertScheduler.class).tick();
        assertThat(mailsTo(deadline.email))
                .as("not before the backoff has passed")
                .isEmpty();

        CLOCK.advance(Duration.ofMinutes(5));
        awaitMails(deadline.email, 1);
        settle();
        assertThat(mailsTo(deadline.email)).hasSize(1);
        JsonNode sent = alerts(deadline.followUp).get(0);
        assertThat(sent.path("state").asString()).isEqualTo("sent");
        assertThat(sent.path("attempts").asInt()).isEqualTo(2);
        assertThat(awaitPublished(deadline.followUp, 1)).hasSize(1);
    }

    @Test
    void raisesNothingBeforeSevenInTheMorning() throws Exception {
        Deadline deadline = aDecidedItemWithAFollowUp("Tidlig påmindelse");
        tickOnDay(DUE.minusDays(7), LocalTime.of(6, 59));
        assertThat(alerts(deadline.followUp)).isEmpty();

        tickOnDay(DUE.minusDays(7), LocalTime.of(7, 0));
        awaitMails(deadline.email, 1);
    }

    // --- the world ------------------------------------------------------------------------------------------------

    record Deadline(String item, String followUp, String email) {}

    Deadline aDecidedItemWithAFollowUp(String description) {
        return aDecidedItemWithAFollowUp(newStaffMember(), description);
    }

    String newStaffMember() {
        String initials = "a" + RandomLetters.of(6);
        send(new StaffMemberRegistered(initials, "Hanne Stougaard", initials + "@kl.dk"));
        return initials;
    }

    Deadline aDecidedItemWithAFollowUp(String initials, String description) {
        Deadline deadline = assign(initials, description);
        awaitProjected(deadline);
        return deadline;
    }

    /** Sends the events of a decided item with a follow-up due on {@link #DUE}. */
    Deadline assign(String initials, String description) {
        String item = UUID.randomUUID().toString();
        String meeting = UUID.randomUUID().toString();
        String followUp = UUID.randomUUID().toString();
        send(new AgendaItemProposed(
                item,
                "KKR Nordjylland",
                "Socialtilsynet",
                "SAG-2025-00712",
                List.of("hast"),
                null,
                null,
                null,
                null,
                false));
        send(new AgendaItemScheduled(item, meeting));
        send(new AgendaItemDecided(item, meeting, DecisionOutcome.APPROVED, "Afrapportering senest 16. juni 2025."));
        send(new FollowUpAssigned(item, followUp, description, DUE, initials, "senest den 16. juni 2025"));
        return new Deadline(item, followUp, initials + "@kl.dk");
    }

    static void awaitProjected(Deadline deadline) {
        await().atMost(PATIENCE)
                .until(() -> first.http()
                        .get("/api/follow-ups/" + deadline.followUp)
                        .body()
                        .contains("Hanne Stougaard"));
    }

    void send(SagssporEvent event) {
        long sequence = sequences.merge(event.aggregateId(), 1L, Long::sum) - 1;
        @SuppressWarnings("unchecked")
        KafkaTemplate<String, byte[]> kafka = first.bean(KafkaTemplate.class);
        kafka.send(EventRecords.record(WORLD.topic(), event, sequence)).join();
    }

    static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(DENMARK).toInstant();
    }

    /** Sets the clock to 10:00 on a day and has both instances tick (their own polling runs too). */
    static void tickOnDay(LocalDate day) {
        tickOnDay(day, LocalTime.of(10, 0));
    }

    static void tickOnDay(LocalDate day, LocalTime time) {
        CLOCK.set(day.atTime(time).atZone(DENMARK).toInstant());
        first.bean(AlertScheduler.class).tick();
        second.bean(AlertScheduler.class).tick();
    }

    static void tickTogether(QueryServiceInstance instance, CyclicBarrier together) {
        try {
            for (int i = 0; i < 5; i++) {
                together.await();
                instance.bean(AlertScheduler.class).tick();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Gives both instances' own polling a few more rounds, in which a duplicate would show. */
    static void settle() throws InterruptedException {
        Thread.sleep(1000);
        first.bean(AlertScheduler.class).tick();
        second.bean(AlertScheduler.class).tick();
    }

    static List<MimeMessage> mailsTo(String address) {
        return smtp.mailsTo(address);
    }

    static List<MimeMessage> awaitMails(String address, int count) {
        return smtp.awaitMails(address, count, PATIENCE);
    }

    static JsonNode alerts(String followUp) {
        return dk.sagsspor.testsupport.Http.json(first.http().get("/api/alerts?followUp=" + followUp))
                .path("data");
    }

    static List<CloudEvent> awaitPublished(String followUp, int count) {
        return await().atMost(PATIENCE)
                .until(() -> published().getOrDefault(followUp, List.of()), events -> events.size() >= count);
    }

    /** Everything on the alerts topic, by follow-up (the key), in order. */
    static Map<String, List<CloudEvent>> published() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        Map<String, List<CloudEvent>> events = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(ALERT_TOPIC).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    events.computeIfAbsent(record.key(), key -> new ArrayList<>())
                            .add(KafkaMessageFactory.createReader(record).toEvent());
                }
            }
        }
        return events;
    }
}
