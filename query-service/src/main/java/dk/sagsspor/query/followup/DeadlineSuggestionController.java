package dk.sagsspor.query.followup;

import dk.sagsspor.deadlines.DeadlineExtractor;
import dk.sagsspor.deadlines.DeadlineExtractor.Deadline;
import dk.sagsspor.query.agendaitem.AgendaItemReadModel;
import dk.sagsspor.query.agendaitem.MeetingStarts;
import dk.sagsspor.query.web.DanishDays;
import dk.sagsspor.query.web.NotFound;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Deadlines found in an item's texts, offered as follow-ups for the secretary to confirm. */
@RestController
@Tag(name = "Deadlines", description = "Follow-ups of decisions: open, due soon, overdue, done.")
class DeadlineSuggestionController {

    private final FollowUps store;
    private final Clock clock;
    private final AgendaItemReadModel items;
    private final MeetingStarts meetings;

    DeadlineSuggestionController(FollowUps store, Clock clock, AgendaItemReadModel items, MeetingStarts meetings) {
        this.store = store;
        this.clock = clock;
        this.items = items;
        this.meetings = meetings;
    }

    /**
     * A suggested follow-up: the due date, the sentence it was found in, the part of the item it is in
     * ({@code decision}, {@code recommendation}, {@code presentation}, {@code background}), and whether it is followed
     * up already: by a follow-up due on that date, or assigned due on it (and moved since), or assigned from its text.
     */
    record Suggestion(LocalDate dueDate, String quote, String part, boolean followedUp) {}

    /** A follow-up of the item: its due date now and when it was assigned, and the text it was assigned from. */
    record FollowedUp(LocalDate dueDate, LocalDate firstDueDate, String source) {

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
        AgendaItemReadModel.Texts item = items.texts(id).orElseThrow(() -> new NotFound("agenda item", id));
        Instant start = item.meetingId() == null
                ? null
                : meetings.starts(List.of(item.meetingId()), null).get(item.meetingId());
        LocalDate reference = start != null
                ? start.atZone(DanishDays.DENMARK).toLocalDate()
                : LocalDate.now(clock.withZone(DanishDays.DENMARK));
        // a deadline is followed up by a follow-up due on it — now, or when it was assigned (its due date may have been
        // moved since) — or one whose source quotes it
        List<FollowedUp> followUps = store.followedUp(id);
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("decision", item.resolutionText());
        parts.put("recommendation", item.recommendation());
        parts.put("presentation", item.presentation());
        parts.put("background", item.background());
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
