package dk.sagsspor.command.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dk.sagsspor.command.imports.ParsedMinutes.Item;
import dk.sagsspor.command.imports.ParsedMinutes.Participant;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Minutes the parser was not written against: each document in {@code minutes/held-out/} (text as {@code pdftotext}
 * gives it, in layouts other councils and years use) beside what a person reading it wrote down. The bar of the
 * import: every item, title, case number, officer, participant, absentee and promised item right, and at least 95 %
 * of the decision texts exact (compared with runs of white space as one space). Every miss is listed.
 */
class MinutesHeldOutTest {

    /** The day the tests read minutes on: what deadlines in minutes without a date are read against. */
    private static final java.time.LocalDate TODAY = java.time.LocalDate.of(2025, 6, 1);

    static final List<String> DOCUMENTS =
            List.of("kkr-hovedstaden-2024-09-18", "kkr-syddanmark-2025-03-05", "kkr-midtjylland-2022-06-14");

    @Test
    void readsMinutesItWasNotWrittenAgainstToTheBar() throws IOException {
        List<String> misses = new ArrayList<>();
        int decisions = 0;
        int exactDecisions = 0;
        for (String document : DOCUMENTS) {
            ParsedMinutes read = MinutesParser.parse(resource(document + ".txt"), TODAY);
            JsonNode expected = JsonMapper.shared().readTree(resource(document + ".expected.json"));
            compare(misses, document, "committee", expected.path("committee").asString(), read.committee());
            for (String[] field :
                    new String[][] {{"meetingDate", "date"}, {"meetingTime", "time"}, {"meetingEnd", "end"}}) {
                Object value = switch (field[0]) {
                    case "meetingDate" -> read.meetingDate();
                    case "meetingTime" -> read.meetingTime();
                    default -> read.meetingEnd();
                };
                compare(
                        misses,
                        document,
                        field[1],
                        expected.path(field[0]).asString(null),
                        value == null ? null : value.toString());
            }
            compare(misses, document, "place", expected.path("location").asString(null), read.location());
            compare(
                    misses,
                    document,
                    "participants",
                    strings(expected.path("participants")),
                    people(read.participants()));
            compare(misses, document, "absent", strings(expected.path("absent")), people(read.absent()));
            JsonNode items = expected.path("items");
            compare(misses, document, "item count", items.size(), read.items().size());
            for (int i = 0; i < Math.min(items.size(), read.items().size()); i++) {
                JsonNode want = items.get(i);
                Item got = read.items().get(i);
                String where = document + " " + want.path("number").asString();
                compare(misses, where, "number", want.path("number").asString(), got.number());
                compare(misses, where, "section", want.path("section").asString(), got.section());
                compare(misses, where, "title", want.path("title").asString(), got.title());
                compare(misses, where, "case number", want.path("caseNumber").asString(), got.caseNumber());
                compare(misses, where, "officers", strings(want.path("officers")), got.officers());
                compare(misses, where, "attachments", strings(want.path("attachments")), got.attachments());
                decisions++;
                if (Objects.equals(spaced(want.path("decision").asString()), spaced(got.decision()))) {
                    exactDecisions++;
                } else {
                    misses.add(where + " decision (below the bar only if too many): expected <"
                            + want.path("decision").asString() + "> but read <" + got.decision() + ">");
                }
            }
            JsonNode next = expected.path("nextMeeting");
            compare(
                    misses,
                    document,
                    "next meeting's date",
                    next.path("date").asString(null),
                    read.nextMeeting() == null || read.nextMeeting().date() == null
                            ? null
                            : read.nextMeeting().date().toString());
            compare(
                    misses,
                    document,
                    "promised items",
                    strings(next.path("expectedItems")),
                    read.nextMeeting() == null ? List.of() : read.nextMeeting().expectedItems());
        }
        List<String> belowTheBar =
                misses.stream().filter(miss -> !miss.contains(" decision ")).toList();
        System.out.printf(
                "Held-out minutes: %d documents, %d of %d decisions exact (%.1f %%), %d other misses%n",
                DOCUMENTS.size(), exactDecisions, decisions, 100.0 * exactDecisions / decisions, belowTheBar.size());
        misses.forEach(miss -> System.out.println("  " + miss));
        assertThat(belowTheBar)
                .as("items, titles, case numbers, officers, people, promises: all right")
                .isEmpty();
        assertThat(100.0 * exactDecisions / decisions)
                .as("exact decision texts, %% (misses: %s)", misses)
                .isGreaterThanOrEqualTo(95.0);
    }

    private static void compare(List<String> misses, String where, String what, Object expected, Object read) {
        if (!Objects.equals(expected, read)) {
            misses.add(where + " " + what + ": expected <" + expected + "> but read <" + read + ">");
        }
    }

    private static List<String> people(List<Participant> people) {
        return people.stream()
                .map(p -> p.name() + " | " + p.party() + " | " + p.municipality())
                .toList();
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static String spaced(String text) {
        return text == null ? null : text.replaceAll("\\s+", " ").strip();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = MinutesHeldOutTest.class.getResourceAsStream("/minutes/held-out/" + name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
