package dk.sagsspor.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The secretariat's work at a steady rate while a fault happens: items proposed, put on an open meeting's agenda and
 * discussed there — each command tagged (a unique word in its text, or its item) and sent with its own
 * Idempotency-Key by a {@link Client} that retries what was not settled. Each command knows how to count its own
 * events in the store, for the exactly-once check.
 */
final class Load {

    static final String COMMITTEE = "KKR Nordjylland";

    /** One command of the load and how it ended; {@code count} is the SQL that counts its events in the store. */
    record Command(String tag, String kind, String aggregateId, String count, Client.Outcome outcome) {}

    private final Client client;
    private final String experiment;
    private final String meetingId;
    private final List<Command> commands = new CopyOnWriteArrayList<>();
    private final Queue<String> proposed = new ConcurrentLinkedQueue<>();
    private final Queue<String> scheduled = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sequence = new AtomicInteger();

    private Load(Client client, String experiment, String meetingId) {
        this.client = client;
        this.experiment = experiment;
        this.meetingId = meetingId;
    }

    /** A meeting of its own for the experiment, opened, so that its items can be discussed. */
    static Load start(Client client, String experiment) {
        Instant setUpBy = Instant.now().plus(Duration.ofMinutes(3));
        Client.Outcome meeting = client.command(
                "POST",
                "/api/meetings",
                """
                {"committee": "%s", "start": "2031-05-%02dT10:00", "location": "Fejlforsøg %s"}"""
                        .formatted(COMMITTEE, 1 + ThreadLocalRandom.current().nextInt(28), experiment),
                "setup-meeting-" + experiment + "-" + System.nanoTime(),
                null,
                setUpBy);
        require(meeting, "schedule the experiment's meeting");
        String id = meeting.body().path("id").asString();
        require(
                client.command("POST", "/api/meetings/" + id + "/opening", "{}", "setup-open-" + id, null, setUpBy),
                "open the experiment's meeting");
        return new Load(client, experiment, id);
    }

    private static void require(Client.Outcome outcome, String what) {
        if (!outcome.acknowledged()) {
            throw new IllegalStateException("Could not " + what + ": " + outcome);
        }
    }

    /** Sends commands at {@code rate} per second for {@code duration}; each is retried until {@code giveUpAfter}. */
    void run(double rate, Duration duration, Duration giveUpAfter) throws InterruptedException {
        ExecutorService senders = Executors.newFixedThreadPool(64);
        long interval = (long) (1_000_000_000L / rate);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        Instant giveUpAt = Instant.now().plus(duration).plus(giveUpAfter);
        for (long due = start; due < end; due += interval) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            senders.submit(() -> next(giveUpAt));
        }
        senders.shutdown();
        senders.awaitTermination(duration.plus(giveUpAfter).toSeconds() + 60, TimeUnit.SECONDS);
    }

    private void next(Instant giveUpAt) {
        double dice = ThreadLocalRandom.current().nextDouble();
        String tag = "t" + experiment.replaceAll("[^a-z]", "") + sequence.incrementAndGet() + "x"
                + Long.toString(System.nanoTime() % 100_000, 36);
        if (dice < 0.25) {
            String item = proposed.poll();
            if (item != null) {
                Client.Outcome outcome = client.command(
                        "POST",
                        "/api/agenda-items/" + item + "/scheduling",
                        "{\"meetingId\": \"" + meetingId + "\"}",
                        tag,
                        null,
                        giveUpAt);
                commands.add(new Command(tag, "schedule", item, countOf("AgendaItemScheduled", item, null), outcome));
                if (outcome.acknowledged()) {
                    scheduled.add(item);
                }
                return;
            }
        } else if (dice < 0.45) {
            String item = scheduled.poll();
            if (item != null) {
                Client.Outcome outcome = client.command(
                        "POST",
                        "/api/agenda-items/" + item + "/discussion",
                        "{\"notes\": \"Drøftet " + tag + "\"}",
                        tag,
                        null,
                        giveUpAt);
                commands.add(new Command(tag, "discuss", item, countOf("AgendaItemDiscussed", item, tag), outcome));
                return;
            }
        }
        Client.Outcome outcome = client.command(
                "POST",
                "/api/agenda-items",
                """
                {"committee": "%s", "title": "Fejlforsøg %s", "caseNumber": "SAG-2031-00001", "caseOfficers": ["hast"]}"""
                        .formatted(COMMITTEE, tag),
                tag,
                null,
                giveUpAt);
        String item = outcome.acknowledged() ? outcome.body().path("id").asString() : null;
        commands.add(new Command(tag, "propose", item, countOf("AgendaItemProposed", null, tag), outcome));
        if (item != null) {
            proposed.add(item);
        }
    }

    /** SQL counting a command's events: by type, and by its item or its tag (or both). */
    static String countOf(String type, String aggregateId, String tag) {
        StringBuilder sql = new StringBuilder(
                "select count(*) from domainevententry where payloadtype like '%." + type + "'");
        if (aggregateId != null) {
            sql.append(" and aggregateidentifier = '").append(aggregateId).append("'");
        }
        if (tag != null) {
            sql.append(" and convert_from(payload, 'UTF8') like '%").append(tag).append("%'");
        }
        return sql.toString();
    }

    /** A command sent beside the load (by an experiment), to be checked with the load's own. */
    void record(Command command) {
        commands.add(command);
    }

    List<Command> commands() {
        return commands;
    }

    String meetingId() {
        return meetingId;
    }
}
