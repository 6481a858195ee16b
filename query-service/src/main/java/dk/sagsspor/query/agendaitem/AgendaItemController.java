package dk.sagsspor.query.agendaitem;

import dk.sagsspor.query.projection.DeadLetters;
import dk.sagsspor.query.web.BadQuery;
import dk.sagsspor.query.web.DanishDays;
import dk.sagsspor.query.web.Incomplete;
import dk.sagsspor.query.web.NotFound;
import dk.sagsspor.query.web.OParlList;
import dk.sagsspor.query.web.OParlList.PageRequest;
import dk.sagsspor.web.contract.Versioned;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@Tag(name = "Agenda items", description = "Agenda items as projected from the event log.")
@RequestMapping("/api/agenda-items")
class AgendaItemController {

    private final AgendaItems items;
    private final AgendaItemSearch search;
    private final Clock clock;
    private final DeadLetters deadLetters;

    AgendaItemController(AgendaItems items, AgendaItemSearch search, Clock clock, DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
        this.items = items;
        this.search = search;
        this.clock = clock;
    }

    /**
     * The query parameters of the item lists: committee, case officer's initials, case number, status (repeatable),
     * a Danish full-text search ({@code q}), the instant to look back to ({@code asOf}, default now), the page, and
     * {@code after}: where the previous page ended, as a {@code next} link gives it (the page is then read from there
     * by index; {@code page} only numbers it).
     */
    record ListQuery(
            String committee,
            String officer,
            String reference,
            List<String> status,
            String q,
            String asOf,
            Integer page,
            Integer pageSize,
            String after) {

        AgendaItemSearch.Filter filter(boolean outstandingOnly, Clock clock) {
            return new AgendaItemSearch.Filter(
                    committee, officer, reference, statuses(status), q, outstandingOnly, DanishDays.asOf(asOf, clock));
        }

        PageRequest paging() {
            return new PageRequest(page == null ? 1 : page, pageSize == null ? 50 : pageSize);
        }
    }

    /** Agenda items, oldest first, filtered and searched. */
    @GetMapping
    OParlList<AgendaItemSearch.Row> list(@ParameterObject ListQuery query) {
        return search.find(
                query.filter(false, clock),
                query.paging(),
                ItemCursor.decode(query.after()),
                ServletUriComponentsBuilder.fromCurrentRequest());
    }

    /**
     * What is still to be dealt with across meetings: items neither decided nor withdrawn, and decided items with open
     * follow-ups, oldest first, with their
     * current meeting, how often they were deferred and how many days they have waited; with {@code asOf}, as the
     * list stood then.
     */
    @GetMapping("/outstanding")
    OParlList<AgendaItemSearch.Row> outstanding(@ParameterObject ListQuery query) {
        return search.find(
                query.filter(true, clock),
                query.paging(),
                ItemCursor.decode(query.after()),
                ServletUriComponentsBuilder.fromCurrentRequest());
    }

    private static List<String> statuses(List<String> given) {
        if (given == null) {
            return List.of();
        }
        for (String status : given) {
            if (!STATUSES.contains(status.toUpperCase(java.util.Locale.ROOT))) {
                throw new BadQuery("status", "must be one of " + STATUSES);
            }
        }
        return given;
    }

    private static final List<String> STATUSES = List.of("PROPOSED", "SCHEDULED", "DEFERRED", "DECIDED", "WITHDRAWN");

    /**
     * One item, now or as it stood at {@code asOf}; its ETag is the item's version (the sequence of the last event
     * applied, or of the last event before {@code asOf}).
     */
    @Versioned("The item's version")
    @GetMapping("/{id}")
    ResponseEntity<AgendaItem> item(
            @PathVariable String id, @RequestParam(required = false) String asOf, WebRequest request) {
        Instant at = DanishDays.asOf(asOf, clock);
        AgendaItem item = items.find(id, at)
                .orElseThrow(() -> at == null ? new NotFound("agenda item", id) : NotFound.asOf("agenda item", id, at));
        String etag = "\"" + item.version() + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        List<String> incomplete = deadLetters.incomplete(id);
        return ResponseEntity.ok()
                .eTag(etag)
                .headers(Incomplete.header(incomplete))
                .body(item.withIncomplete(incomplete));
    }
}
