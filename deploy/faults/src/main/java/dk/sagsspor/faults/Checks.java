package dk.sagsspor.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What must hold after a fault, read straight from the databases: every acknowledged command's events are in the event
 * store exactly once, and every read model stands where the store does — each projection's position in each
 * aggregate, the event log's entries, the items' and meetings' versions — with no dead letter but the expected ones.
 */
final class Checks {

    /** Which projections follow which aggregate type (the event store's {@code type} column). */
    private static final Map<String, List<String>> PROJECTIONS = Map.of(
            "AgendaItem", List.of("agenda-items", "decisions", "follow-ups", "event-log"),
            "Meeting", List.of("meetings", "event-log"),
            "StaffMember", List.of("staff", "event-log"));

    private final String commandUrl;
    private final String queryUrl;

    Checks(String postgresBase) {
        this.commandUrl = postgresBase + "sagsspor_command";
        this.queryUrl = postgresBase + "sagsspor_query";
    }

    /** Exactly once: acknowledged commands have one event each; the others none or one (never two). */
    Map<String, Object> exactlyOnce(List<Load.Command> commands) throws SQLException {
        int acknowledged = 0;
        int refused = 0;
        int givenUp = 0;
        List<String> lost = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        try (Connection store = connect(commandUrl);
                Statement statement = store.createStatement()) {
            for (Load.Command command : commands) {
                long count;
                try (ResultSet rows = statement.executeQuery(command.count())) {
                    rows.next();
                    count = rows.getLong(1);
                }
                switch (command.outcome().kind()) {
                    case "acknowledged" -> acknowledged++;
                    case "refused" -> refused++;
                    default -> givenUp++;
                }
                if (command.outcome().acknowledged() && count == 0) {
                    lost.add(command.kind() + " " + command.tag());
                }
                if (count > 1) {
                    duplicated.add(command.kind() + " " + command.tag() + " ×" + count);
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("commands", commands.size());
        result.put("acknowledged", acknowledged);
        result.put("refused", refused);
        result.put("givenUp", givenUp);
        result.put("lost", lost.size());
        result.put("duplicated", duplicated.size());
        result.put("lostTags", lost.stream().limit(20).toList());
        result.put("duplicatedTags", duplicated.stream().limit(20).toList());
        return result;
    }

    /**
     * Waits until every read model stands where the store does, or {@code patience} has passed; answers the
     * differences that remain (none: caught up) and how long it took.
     */
    Map<String, Object> readModelsMatchTheStore(Duration patience, long expectedDeadLetters) throws Exception {
        Instant start = Instant.now();
        List<String> differences;
        do {
            differences = differences(expectedDeadLetters);
            if (differences.isEmpty()) {
                break;
            }
            Thread.sleep(1_000);
        } while (Duration.between(start, Instant.now()).compareTo(patience) < 0);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("matches", differences.isEmpty());
        result.put("secondsToMatch", differences.isEmpty() ? Duration.between(start, Instant.now()).toMillis() / 1000.0 : null);
        result.put("differences", differences.size());
        result.put("firstDifferences", differences.stream().limit(20).toList());
        return result;
    }

    private List<String> differences(long expectedDeadLetters) throws SQLException {
        record Stored(String type, long lastSequence, long events) {}
        Map<String, Stored> store = new HashMap<>();
        try (Connection connection = connect(commandUrl);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        select aggregateidentifier, type, max(sequencenumber), count(*) from domainevententry
                         group by aggregateidentifier, type""")) {
            while (rows.next()) {
                store.put(rows.getString(1), new Stored(rows.getString(2), rows.getLong(3), rows.getLong(4)));
            }
        }
        List<String> differences = new ArrayList<>();
        try (Connection connection = connect(queryUrl);
                Statement statement = connection.createStatement()) {
            Map<String, Long> positions = map(
                    statement, "select projection || '/' || aggregate_id, last_sequence from projection_position");
            Map<String, Long> logged = map(statement, "select aggregate_id, count(*) from event_log group by aggregate_id");
            Map<String, Long> items = map(statement, "select id, version from agenda_item");
            Map<String, Long> meetings = map(statement, "select id, version from meeting");
            long deadLetters = map(statement, "select 'all', count(*) from dead_letter where status <> 'replayed'")
                    .getOrDefault("all", 0L);
            store.forEach((id, stored) -> {
                for (String projection : PROJECTIONS.getOrDefault(stored.type(), List.of("event-log"))) {
                    Long position = positions.get(projection + "/" + id);
                    if (position == null || position != stored.lastSequence()) {
                        differences.add(projection + " at " + position + " of " + stored.type() + " " + id
                                + " (store: " + stored.lastSequence() + ")");
                    }
                }
                if (logged.getOrDefault(id, 0L) != stored.events()) {
                    differences.add("event_log has " + logged.get(id) + " entries of " + id + " (store: "
                            + stored.events() + ")");
                }
                if (stored.type().equals("AgendaItem") && !Long.valueOf(stored.lastSequence()).equals(items.get(id))) {
                    differences.add("agenda_item " + id + " at version " + items.get(id) + " (store: "
                            + stored.lastSequence() + ")");
                }
                if (stored.type().equals("Meeting") && !Long.valueOf(stored.lastSequence()).equals(meetings.get(id))) {
                    differences.add("meeting " + id + " at version " + meetings.get(id) + " (store: "
                            + stored.lastSequence() + ")");
                }
            });
            if (deadLetters != expectedDeadLetters) {
                differences.add(deadLetters + " unresolved dead letters (expected " + expectedDeadLetters + ")");
            }
        }
        return differences;
    }

    /**
     * Every overdue follow-up of the load got its alert exactly once: one alert row, delivered, and one mail to the
     * assignee naming it — waiting up to {@code patience} for the deliveries.
     */
    Map<String, Object> alertsOnce(List<Load.FollowUp> followUps, String mailUrl, Duration patience) throws Exception {
        Instant start = Instant.now();
        Map<String, Long> sent = Map.of();
        Map<String, Integer> mails = Map.of();
        while (true) {
            try (Connection connection = connect(queryUrl);
                    Statement statement = connection.createStatement()) {
                sent = map(statement, "select follow_up_id, count(*) from alert where state = 'SENT' group by 1");
            }
            mails = mailsByTag(followUps, mailUrl);
            Map<String, Long> delivered = sent;
            Map<String, Integer> mailed = mails;
            boolean all = followUps.stream()
                    .allMatch(f -> delivered.getOrDefault(f.id(), 0L) >= 1 && mailed.getOrDefault(f.tag(), 0) >= 1);
            if (all || Duration.between(start, Instant.now()).compareTo(patience) > 0) {
                break;
            }
            Thread.sleep(2_000);
        }
        List<String> problems = new ArrayList<>();
        for (Load.FollowUp followUp : followUps) {
            long rows = sent.getOrDefault(followUp.id(), 0L);
            int received = mails.getOrDefault(followUp.tag(), 0);
            if (rows != 1 || received != 1) {
                problems.add(followUp.id() + ": " + rows + " alert(s) sent, " + received + " mail(s)");
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("followUps", followUps.size());
        result.put("exactlyOnce", problems.isEmpty());
        result.put("problems", problems.stream().limit(20).toList());
        result.put("summary", problems.isEmpty() ? followUps.size() + " of " + followUps.size() : "NO: " + problems.size()
                + " of " + followUps.size());
        return result;
    }

    /**
     * How many distinct mails (by {@code Message-ID}) in the assignee's mailbox name each follow-up's tag. A mail sent
     * again after a crash between the SMTP server's acceptance and its recording carries the same Message-ID (see
     * Deadline alerts in docs/api.md), which mail clients and servers take as one message.
     */
    private static Map<String, Integer> mailsByTag(List<Load.FollowUp> followUps, String mailUrl) throws Exception {
        Map<String, java.util.Set<String>> ids = new HashMap<>();
        var response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(mailUrl + "/api/user/hast@kl.dk/messages/INBOX"))
                                .GET()
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return Map.of();
        }
        tools.jackson.databind.JsonNode messages = Client.JSON.readTree(response.body());
        for (tools.jackson.databind.JsonNode message : messages) {
            String subject = message.path("subject").asString("");
            for (Load.FollowUp followUp : followUps) {
                if (subject.contains(followUp.tag())) {
                    ids.computeIfAbsent(followUp.tag(), t -> new java.util.HashSet<>())
                            .add(message.path("Message-ID").asString(subject));
                }
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        ids.forEach((tag, messageIds) -> counts.put(tag, messageIds.size()));
        return counts;
    }

    /** Runs SQL on a database of the stack (as its owner), e.g. to refuse connections to it. */
    static void execute(String url, String sql) throws SQLException {
        try (Connection connection = connect(url);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Map<String, Long> map(Statement statement, String sql) throws SQLException {
        Map<String, Long> result = new HashMap<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                result.put(rows.getString(1), rows.getLong(2));
            }
        }
        return result;
    }

    static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, "sagsspor", "");
    }
}
