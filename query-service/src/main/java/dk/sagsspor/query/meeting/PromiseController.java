package dk.sagsspor.query.meeting;

import dk.sagsspor.deadlines.UndertakingExtractor;
import dk.sagsspor.query.decisions.DecisionRegister;
import dk.sagsspor.query.web.BadQuery;
import dk.sagsspor.query.web.OParlList;
import dk.sagsspor.query.web.OParlList.PageRequest;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The promises minutes make for the next meeting ("Punkter til næste møde"), checked against the next agenda: the
 * next meeting is the committee's first meeting after the promising one that is not cancelled; a promised item is kept
 * when an item with its title (see {@link PromisedTitles}) is on that agenda once it is sent out, planned while it is
 * on the agenda in preparation. Only the number and id of a matching item
 * are shown, never its title, so a closed item stays closed.
 */
@RestController
@RequestMapping("/api/promises")
@Tag(name = "Meetings", description = "Meetings of the committees and their agendas.")
class PromiseController {

    private final MeetingPromises promises;
    private final MeetingReadModel readModel;
    private final DecisionRegister decisions;

    PromiseController(MeetingPromises promises, MeetingReadModel readModel, DecisionRegister decisions) {
        this.promises = promises;
        this.readModel = readModel;
        this.decisions = decisions;
    }

    /** A meeting's id as the command service gives it: a UUID in its canonical form. */
    private static final Pattern MEETING_ID =
            Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** Promised items, the newest meeting first; by committee, promising meeting and status. */
    @GetMapping
    OParlList<Promise> promises(
            @RequestParam(required = false) String committee,
            @RequestParam(required = false) String meeting,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "50") int pageSize) {
        PageRequest paging = new PageRequest(page, pageSize);
        if (meeting != null && !MEETING_ID.matcher(meeting).matches()) {
            throw new BadQuery("meeting", "must be a meeting's id (a UUID such as 0b5c6f6e-…)");
        }
        String wanted = status == null ? null : status.toLowerCase(Locale.ROOT);
        if (wanted != null && !Promise.STATUSES.contains(wanted)) {
            throw new BadQuery("status", "must be one of " + String.join(", ", Promise.STATUSES));
        }
        List<Row> rows = new ArrayList<>(promises.of(committee, meeting));
        rows.addAll(undertakings(committee, meeting, rows));
        Map<String, List<Entry>> agendas = agendas(rows.stream()
                .map(Row::nextId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList());
        List<Promise> promises = new ArrayList<>();
        for (Row row : rows) {
            // no next meeting yet: nothing to check against (and Map.of() refuses a null key)
            Promise promise = row.checkedAgainst(
                    row.nextId() == null ? List.of() : agendas.getOrDefault(row.nextId(), List.of()));
            if (wanted == null || wanted.equals(promise.status())) {
                promises.add(promise);
            }
        }
        List<Promise> pageOf =
                promises.stream().skip(paging.offset()).limit(paging.size()).toList();
        return OParlList.of(pageOf, promises.size(), paging, ServletUriComponentsBuilder.fromCurrentRequest());
    }

    /**
     * The undertakings in the standing decisions of the held meetings (of the items the user may see): accepted ones
     * as promises, unreviewed ones as suggestions, dismissed ones not at all; numbered after the meeting's own
     * promises, in the order the decisions were made.
     */
    private List<Row> undertakings(String committee, String meeting, List<Row> minutes) {
        Map<String, Row> held = promises.held(committee, meeting);
        Map<String, MeetingPromises.Review> reviews = promises.reviews(List.copyOf(held.keySet()));
        Map<String, Integer> positions = new java.util.HashMap<>();
        minutes.forEach(row -> positions.merge(row.meetingId(), row.position(), Math::max));
        List<Row> found = new ArrayList<>();
        for (DecisionRegister.Standing decision : decisions.standingAt(List.copyOf(held.keySet()))) {
            Row of = held.get(decision.meetingId());
            for (UndertakingExtractor.Undertaking undertaking : UndertakingExtractor.find(decision.text())) {
                MeetingPromises.Review review = reviews.get(
                        MeetingPromises.key(decision.meetingId(), decision.agendaItemId(), undertaking.quote()));
                if (review != null && !review.accepted()) {
                    continue;
                }
                int position = positions.merge(decision.meetingId(), 1, Integer::sum);
                found.add(
                        review == null
                                ? of.undertaking(
                                        position,
                                        undertaking.quote(),
                                        decision.decidedAt(),
                                        undertaking.quote(),
                                        decision.agendaItemId(),
                                        true)
                                : of.undertaking(
                                        position,
                                        review.title(),
                                        review.at(),
                                        undertaking.quote(),
                                        decision.agendaItemId(),
                                        false));
            }
        }
        return found;
    }

    /**
     * The next meetings' agendas as they are now, as the current user sees them: a promise is kept only by an item the
     * user may see (a closed item of another committee does not exist for them, here as everywhere).
     */
    private Map<String, List<Entry>> agendas(List<String> meetingIds) {
        Map<String, List<Entry>> agendas = new java.util.HashMap<>();
        readModel
                .agendas(meetingIds, null)
                .forEach((meeting, lines) -> agendas.put(
                        meeting,
                        lines.stream()
                                .filter(line -> line.item().known())
                                .map(line -> new Entry(
                                        meeting,
                                        line.itemId(),
                                        line.number(),
                                        line.item().title()))
                                .toList()));
        return agendas;
    }

    private record Entry(String meetingId, String agendaItemId, String number, String title) {}

    /** A promise with the next meeting (if any) it is checked against. */
    record Row(
            String meetingId,
            String committee,
            Instant start,
            int position,
            String title,
            LocalDate nextMeetingDate,
            Instant promisedAt,
            String nextId,
            Instant nextStart,
            boolean nextFixed,
            String source,
            @Nullable String quote,
            @Nullable String fromAgendaItemId,
            boolean suggested) {

        /** The same meeting's undertaking: at {@code position}, under {@code title}, suggested or accepted. */
        Row undertaking(
                int position, String title, Instant at, String quote, String fromAgendaItemId, boolean suggested) {
            return new Row(
                    meetingId,
                    committee,
                    start,
                    position,
                    title,
                    null,
                    at,
                    nextId,
                    nextStart,
                    nextFixed,
                    "decision",
                    quote,
                    fromAgendaItemId,
                    suggested);
        }

        Promise checkedAgainst(List<Entry> nextAgenda) {
            if (suggested) {
                return promise("suggested", null);
            }
            Entry match = nextAgenda.stream()
                    .filter(entry -> PromisedTitles.matches(title, entry.title()))
                    .findFirst()
                    .orElse(null);
            String status = nextId != null && nextFixed
                    ? (match != null ? "kept" : "missed")
                    : (match != null ? "planned" : "open");
            return promise(status, match);
        }

        private Promise promise(String status, @Nullable Entry match) {
            return new Promise(
                    meetingId,
                    committee,
                    start,
                    position,
                    title,
                    nextMeetingDate,
                    promisedAt,
                    status,
                    nextId,
                    nextStart,
                    match == null ? null : match.agendaItemId(),
                    match == null ? null : match.number(),
                    source,
                    quote,
                    fromAgendaItemId);
        }
    }
}
