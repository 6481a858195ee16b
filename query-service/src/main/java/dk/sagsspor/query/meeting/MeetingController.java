package dk.sagsspor.query.meeting;

import dk.sagsspor.query.meeting.Meeting.AgendaLine;
import dk.sagsspor.query.projection.DeadLetters;
import dk.sagsspor.query.web.DanishDays;
import dk.sagsspor.query.web.Incomplete;
import dk.sagsspor.query.web.NotFound;
import dk.sagsspor.query.web.OParlList;
import dk.sagsspor.query.web.OParlList.PageRequest;
import dk.sagsspor.web.contract.Versioned;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/meetings")
@Tag(name = "Meetings", description = "Meetings of the committees and their agendas.")
class MeetingController {

    private final MeetingReadModel readModel;
    private final Clock clock;
    private final DeadLetters deadLetters;

    MeetingController(Clock clock, DeadLetters deadLetters, MeetingReadModel readModel) {
        this.readModel = readModel;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    /**
     * A meeting with its agenda in order, now or as it stood at {@code asOf} (e.g. the agenda as published: pass its
     * {@code agendaPublishedAt}); its ETag is the meeting's version then.
     */
    @Versioned("The meeting's version")
    @GetMapping("/{id}")
    ResponseEntity<Meeting> meeting(
            @PathVariable String id, @RequestParam(required = false) String asOf, WebRequest request) {
        Instant at = DanishDays.asOf(asOf, clock);
        List<AgendaLine> agenda = agendas(List.of(id), at).getOrDefault(id, List.of());
        Meeting meeting = readModel
                .meeting(id, at)
                .map(found -> found.withAgenda(agenda))
                .orElseThrow(() -> at == null ? new NotFound("meeting", id) : NotFound.asOf("meeting", id, at));
        String etag = "\"" + meeting.version() + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        List<String> incomplete = deadLetters.incomplete(id);
        return ResponseEntity.ok()
                .eTag(etag)
                .headers(Incomplete.header(incomplete))
                .body(meeting.withIncomplete(incomplete));
    }

    /** A committee's meetings (or all), in a date range (days in Danish time, both inclusive), by start. */
    @GetMapping
    OParlList<Meeting> meetings(
            @RequestParam(required = false) String committee,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "50") int pageSize) {
        PageRequest paging = new PageRequest(page, pageSize);
        OParlList.Page<Meeting> found = readModel.meetings(
                committee, DanishDays.startOf("from", from, 0), DanishDays.startOf("to", to, 1), paging);
        List<Meeting> meetings = found.rows();
        List<String> ids = meetings.stream().map(Meeting::id).toList();
        Map<String, List<String>> incomplete = deadLetters.incomplete(ids);
        Map<String, List<AgendaLine>> agendas = agendas(ids, null);
        meetings = meetings.stream()
                .map(meeting -> meeting.withAgenda(agendas.getOrDefault(meeting.id(), List.of()))
                        .withIncomplete(incomplete.getOrDefault(meeting.id(), List.of())))
                .toList();
        return OParlList.of(meetings, found.total(), paging, ServletUriComponentsBuilder.fromCurrentRequest());
    }

    /**
     * The agenda's lines in order, each with what became of the item at this meeting, so a deferred item shows as
     * deferred here while it is scheduled on the next meeting ({@link MeetingReadModel#agendas}).
     */
    private Map<String, List<AgendaLine>> agendas(List<String> meetingIds, Instant asOf) {
        Map<String, List<AgendaLine>> agendas = new java.util.HashMap<>();
        readModel.agendas(meetingIds, asOf).forEach((meeting, lines) -> {
            List<AgendaLine> agenda = new ArrayList<>();
            for (MeetingReadModel.Line line : lines) {
                agenda.add(new AgendaLine(
                        line.itemId(),
                        line.number(),
                        agenda.size() + 1,
                        line.section(),
                        line.item().title(),
                        line.item().status() == null ? "SCHEDULED" : line.item().status(),
                        line.item().outcome(),
                        line.item().closedItem() == null ? null : !line.item().closedItem()));
            }
            agendas.put(meeting, agenda);
        });
        return agendas;
    }
}
