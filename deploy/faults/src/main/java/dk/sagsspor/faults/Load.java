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
    private final Queue<String> discussed = new ConcurrentLinkedQueue<>();
    private final Queue<String> decided = new ConcurrentLinkedQueue<>();
    private final List<FollowUp> followUps = new CopyOnWriteArrayList<>();

    /** A follow-up the load assigned, already overdue: its alert must go out exactly once. */
    record FollowUp(String id, String tag) {}
    private final AtomicInteger sequence = new AtomicInteger();

    private Load(Client client, String experiment, String meetingId) {
        this.client = client;
        this.experiment = experiment;
        this.meetingId = meetingId;
    }

    /**
     * A meeting of its own for the experiment, opened, so that its items can be discussed and decided; the assignee of
     * the follow-ups in the staff directory (entered by {@code admin}), so that their alerts can be mailed.
     */
    static Load start(Client client, Client admin, String experiment) {
        Instant setUpBy = Instant.now().plus(Duration.ofMinutes(3));
        require(
                admin.command(
                        "PUT",
                        "/api/staff/hast",
                        "{\"name\": \"Hanne Stougaard\", \"email\": \"hast@kl.dk\"}",
                        null,
                        null,
                        setUpBy),
                "enter hast in the staff directory");
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
        if (dice < 0.2) {
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
        } else if (dice < 0.35) {
            if (step(scheduled, discussed, "discuss", "/discussion", "{\"notes\": \"Drøftet " + tag + "\"}",
                    "AgendaItemDiscussed", tag, giveUpAt)) {
                return;
            }
        } else if (dice < 0.45) {
            if (step(discussed, decided, "decide", "/decision",
                    "{\"outcome\": \"NOTED\", \"text\": \"Taget til efterretning " + tag + "\"}",
                    "AgendaItemDecided", tag, giveUpAt)) {
                return;
            }
        } else if (dice < 0.5) {
            String item = decided.poll();
            if (item != null) {
                Client.Outcome outcome = client.command(
                        "POST",
                        "/api/agenda-items/" + item + "/follow-ups",
                        "{\"description\": \"Opfølgning " + tag
                                + "\", \"dueDate\": \"2025-01-15\", \"assignee\": \"hast\"}",
                        tag,
                        null,
                        giveUpAt);
                commands.add(new Command(tag, "follow-up", item, countOf("FollowUpAssigned", item, tag), outcome));
                if (outcome.acknowledged()) {
                    followUps.add(new FollowUp(outcome.body().path("id").asString(), tag));
                }
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

    /** Takes an item from one stage, posts the step's command, and passes it on to the next stage if acknowledged. */
    private boolean step(
            Queue<String> from,
            Queue<String> to,
            String kind,
            String path,
            String json,
            String eventType,
            String tag,
            Instant giveUpAt) {
        String item = from.poll();
        if (item == null) {
            return false;
        }
        Client.Outcome outcome = client.command("POST", "/api/agenda-items/" + item + path, json, tag, null, giveUpAt);
        commands.add(new Command(tag, kind, item, countOf(eventType, item, tag), outcome));
        if (outcome.acknowledged()) {
            to.add(item);
        }
        return true;
    }

    List<FollowUp> followUps() {
        return followUps;
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
