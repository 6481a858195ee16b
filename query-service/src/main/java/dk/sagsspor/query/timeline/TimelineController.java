package dk.sagsspor.query.timeline;

import dk.sagsspor.query.projection.DeadLetters;
import dk.sagsspor.query.web.Incomplete;
import dk.sagsspor.query.web.NotFound;
import dk.sagsspor.query.web.OParlList;
import dk.sagsspor.query.web.OParlList.PageRequest;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@Tag(name = "Timelines", description = "Everything that happened to an agenda item or a meeting, in order.")
class TimelineController {

    private final Timelines timelines;
    private final DeadLetters deadLetters;

    TimelineController(Timelines timelines, DeadLetters deadLetters) {
        this.timelines = timelines;
        this.deadLetters = deadLetters;
    }

    /** The item's own events and the agenda events that name it (put on an agenda, renumbered, …), oldest first. */
    @GetMapping("/api/agenda-items/{id}/timeline")
    OParlList<TimelineEntry> itemTimeline(
            @PathVariable String id,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "100") int pageSize,
            HttpServletResponse response) {
        if (!timelines.itemVisible(id)) {
            throw new NotFound("agenda item", id);
        }
        markIncomplete(id, response);
        return timeline("agenda_item_id", id, "agenda item", new PageRequest(page, pageSize));
    }

    @GetMapping("/api/meetings/{id}/timeline")
    OParlList<TimelineEntry> meetingTimeline(
            @PathVariable String id,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "100") int pageSize,
            HttpServletResponse response) {
        markIncomplete(id, response);
        return timeline("aggregate_id", id, "meeting", new PageRequest(page, pageSize));
    }

    /** A timeline that misses events (the event log could not apply some) says so in {@link Incomplete#HEADER}. */
    private void markIncomplete(String id, HttpServletResponse response) {
        Incomplete.header(deadLetters.incomplete(id))
                .forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
    }

    private OParlList<TimelineEntry> timeline(String column, String id, String kind, PageRequest page) {
        OParlList.Page<TimelineEntry> entries = timelines.page(column, id, page);
        if (entries.total() == 0) {
            throw new NotFound(kind, id);
        }
        return OParlList.of(entries, page, ServletUriComponentsBuilder.fromCurrentRequest());
    }
}
