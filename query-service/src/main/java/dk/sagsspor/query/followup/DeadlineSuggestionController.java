package dk.sagsspor.query.followup;

import dk.sagsspor.events.text.DeadlineExtractor;
import dk.sagsspor.events.text.DeadlineExtractor.Deadline;
import dk.sagsspor.query.security.Visibility;
import dk.sagsspor.query.web.DanishDays;
import dk.sagsspor.query.web.NotFound;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Deadlines found in an item's texts, offered as follow-ups for the secretary to confirm. */
@RestController
@Tag(name = "Deadlines", description = "Follow-ups of decisions: open, due soon, overdue, done.")
class DeadlineSuggestionController {

    private final JdbcClient jdbc;
    private final Clock clock;

    DeadlineSuggestionController(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A suggested follow-up: the due date, the sentence it was found in, the part of the item it is in
     * ({@code decision}, {@code recommendation}, {@code presentation}, {@code background}), and whether a follow-up
     * with that due date exists already.
     */
    record Suggestion(LocalDate dueDate, String quote, String part, boolean followedUp) {}

    /**
     * Every dated deadline in the item's decision, recommendation, presentation and background; a date without a year
     * is read relative to the item's meeting (or today). Confirm one by assigning a follow-up with it as its
     * {@code source} on the command side.
     */
    @GetMapping("/api/agenda-items/{id}/deadline-suggestions")
    List<Suggestion> suggestions(@PathVariable String id) {
        Map<String, Object> item = jdbc
                .sql("""
                        select i.resolution_text, i.recommendation, i.presentation, i.background, m.start_at
                          from agenda_item i left join meeting m on m.id = i.meeting_id where i.id = :id and """ + Visibility.visible("i"))
                .param("id", id)
                .params(Visibility.parameters())
                .query()
                .listOfRows()
                .stream()
                .findFirst()
                .orElseThrow(() -> new NotFound("agenda item", id));
        LocalDate reference = item.get("start_at") instanceof Timestamp start
                ? start.toInstant().atZone(DanishDays.DENMARK).toLocalDate()
                : LocalDate.now(clock.withZone(DanishDays.DENMARK));
        Set<LocalDate> followedUp = Set.copyOf(jdbc.sql("select due_date from follow_up where agenda_item_id = :id")
                .param("id", id)
                .query((rs, n) -> rs.getDate(1).toLocalDate())
                .list());
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("decision", (String) item.get("resolution_text"));
        parts.put("recommendation", (String) item.get("recommendation"));
        parts.put("presentation", (String) item.get("presentation"));
        parts.put("background", (String) item.get("background"));
        List<Suggestion> suggestions = new ArrayList<>();
        parts.forEach((part, text) -> {
            for (Deadline deadline : DeadlineExtractor.find(text, reference)) {
                suggestions.add(
                        new Suggestion(deadline.date(), deadline.quote(), part, followedUp.contains(deadline.date())));
            }
        });
        return suggestions;
    }
}
