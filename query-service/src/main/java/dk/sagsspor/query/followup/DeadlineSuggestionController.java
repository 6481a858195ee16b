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
     * ({@code decision}, {@code recommendation}, {@code presentation}, {@code background}), and whether it is followed
     * up already: by a follow-up due on that date, or assigned due on it (and moved since), or assigned from its text.
     */
    record Suggestion(LocalDate dueDate, String quote, String part, boolean followedUp) {}

    /** A follow-up of the item: its due date now and when it was assigned, and the text it was assigned from. */
    private record FollowedUp(LocalDate dueDate, LocalDate firstDueDate, String source) {

        boolean follows(Deadline deadline) {
            return deadline.date().equals(dueDate)
                    || deadline.date().equals(firstDueDate)
                    || (source != null && !source.isBlank() && deadline.quote().contains(source.strip()));
        }
    }

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
        // a deadline is followed up by a follow-up due on it — now, or when it was assigned (its due date may have been
        // moved since) — or one whose source quotes it
        List<FollowedUp> followUps = jdbc.sql("""
                        select f.due_date, f.source,
                               (select h.due_date from follow_up_history h where h.id = f.id
                                 order by h.valid_from limit 1) as first_due_date
                          from follow_up f where f.agenda_item_id = :id""")
                .param("id", id)
                .query((rs, n) -> new FollowedUp(
                        rs.getDate("due_date").toLocalDate(),
                        rs.getDate("first_due_date") == null
                                ? null
                                : rs.getDate("first_due_date").toLocalDate(),
                        rs.getString("source")))
                .list();
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("decision", (String) item.get("resolution_text"));
        parts.put("recommendation", (String) item.get("recommendation"));
        parts.put("presentation", (String) item.get("presentation"));
        parts.put("background", (String) item.get("background"));
        List<Suggestion> suggestions = new ArrayList<>();
        parts.forEach((part, text) -> {
            for (Deadline deadline : DeadlineExtractor.find(text, reference)) {
                suggestions.add(new Suggestion(
                        deadline.date(),
                        deadline.quote(),
                        part,
                        followUps.stream().anyMatch(f -> f.follows(deadline))));
            }
        });
        return suggestions;
    }
}
