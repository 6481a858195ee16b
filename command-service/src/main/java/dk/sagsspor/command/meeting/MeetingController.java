package dk.sagsspor.command.meeting;

import dk.sagsspor.command.meeting.MeetingCommands.ApproveMinutes;
import dk.sagsspor.command.meeting.MeetingCommands.CancelMeeting;
import dk.sagsspor.command.meeting.MeetingCommands.CloseMeeting;
import dk.sagsspor.command.meeting.MeetingCommands.OpenMeeting;
import dk.sagsspor.command.meeting.MeetingCommands.PromiseNextAgenda;
import dk.sagsspor.command.meeting.MeetingCommands.PublishAgenda;
import dk.sagsspor.command.meeting.MeetingCommands.RenumberAgendaItem;
import dk.sagsspor.command.meeting.MeetingCommands.ReorderAgenda;
import dk.sagsspor.command.meeting.MeetingCommands.RescheduleMeeting;
import dk.sagsspor.command.meeting.MeetingCommands.ReviewUndertaking;
import dk.sagsspor.command.meeting.MeetingCommands.ScheduleMeeting;
import dk.sagsspor.command.meeting.MeetingRequests.AgendaOrder;
import dk.sagsspor.command.meeting.MeetingRequests.AgendaPlacement;
import dk.sagsspor.command.meeting.MeetingRequests.Cancellation;
import dk.sagsspor.command.meeting.MeetingRequests.MinutesApproval;
import dk.sagsspor.command.meeting.MeetingRequests.NextAgendaPromise;
import dk.sagsspor.command.meeting.MeetingRequests.Reschedule;
import dk.sagsspor.command.meeting.MeetingRequests.Schedule;
import dk.sagsspor.command.meeting.MeetingRequests.Times;
import dk.sagsspor.command.meeting.MeetingRequests.UndertakingReview;
import dk.sagsspor.command.web.Commands;
import dk.sagsspor.command.web.InvalidRequest;
import dk.sagsspor.command.web.MergePatch;
import dk.sagsspor.command.web.QueryLinks;
import dk.sagsspor.command.web.Versions;
import dk.sagsspor.command.web.Versions.Accepted;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Meetings: scheduled as a resource, moved through their life by posting facts to sub-resources ({@code /opening},
 * {@code /closing}, …), their agenda arranged under {@code /agenda}. Every write takes {@code If-Match} and answers the
 * meeting's new version as {@code ETag}.
 */
@RestController
@Tag(
        name = "Meetings",
        description =
                "Schedule meetings, arrange and publish their agenda, open and close them, approve their minutes.")
@RequestMapping("/api/meetings")
class MeetingController {

    private final QueryLinks links;

    private final Commands commands;
    private final JsonMapper json;
    private final Validator validator;

    MeetingController(Commands commands, JsonMapper json, Validator validator, QueryLinks links) {
        this.links = links;
        this.commands = commands;
        this.json = json;
        this.validator = validator;
    }

    @dk.sagsspor.web.contract.Created(
            value = "Scheduled: the new meeting's id and version 0",
            location = "The meeting on the query service")
    @PostMapping
    ResponseEntity<Accepted> schedule(@Valid @RequestBody Schedule request) {
        Times times = Times.of(request.start(), request.end());
        String id = UUID.randomUUID().toString();
        commands.send(new ScheduleMeeting(
                id, request.committee().strip(), times.start(), times.end(), request.location(), false));
        return ResponseEntity.created(links.to("/api/meetings/" + id))
                .eTag(Versions.etag(0))
                .body(new Accepted(id, 0));
    }

    @PatchMapping("/{id}")
    ResponseEntity<Accepted> reschedule(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Reschedule request) {
        Times times = Times.of(request.start(), request.end());
        return commands.write(
                id,
                new RescheduleMeeting(
                        id,
                        Versions.expected(ifMatch),
                        times.start(),
                        times.end(),
                        request.location(),
                        request.reason()));
    }

    @PostMapping("/{id}/cancellation")
    ResponseEntity<Accepted> cancel(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Cancellation request) {
        return commands.write(id, new CancelMeeting(id, Versions.expected(ifMatch), request.reason()));
    }

    @PostMapping("/{id}/agenda-publication")
    ResponseEntity<Accepted> publishAgenda(
            @PathVariable String id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return commands.write(id, new PublishAgenda(id, Versions.expected(ifMatch)));
    }

    @PostMapping("/{id}/opening")
    ResponseEntity<Accepted> open(
            @PathVariable String id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return commands.write(id, new OpenMeeting(id, Versions.expected(ifMatch)));
    }

    @PostMapping("/{id}/closing")
    ResponseEntity<Accepted> close(
            @PathVariable String id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return commands.write(id, new CloseMeeting(id, Versions.expected(ifMatch)));
    }

    @PostMapping("/{id}/minutes-approval")
    ResponseEntity<Accepted> approveMinutes(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody(required = false) MinutesApproval request) {
        return commands.write(
                id, new ApproveMinutes(id, Versions.expected(ifMatch), request == null ? null : request.corrections()));
    }

    /**
     * Records the items the minutes expect at the committee's next meeting ("Punkter til næste møde"), replacing an
     * earlier promise; the query side checks them against the next meeting's agenda.
     */
    @PutMapping("/{id}/next-agenda-promise")
    ResponseEntity<Accepted> promiseNextAgenda(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody NextAgendaPromise request) {
        return commands.write(
                id,
                new PromiseNextAgenda(
                        id, Versions.expected(ifMatch), request.nextMeetingDate(), request.expectedItems()));
    }

    /**
     * Accepts an undertaking found in one of the meeting's decisions ("… ønskes på næste møde") as a promise for the
     * committee's next meeting, under a title the next agenda is checked against, or dismisses it; a later review of
     * the same undertaking replaces the earlier one. The query side offers the undertakings ({@code GET /api/promises},
     * status {@code suggested}).
     */
    @PutMapping("/{id}/undertakings")
    ResponseEntity<Accepted> reviewUndertaking(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody UndertakingReview request) {
        if (request.accepted() && (request.title() == null || request.title().isBlank())) {
            throw new InvalidRequest("title", "must be given when the undertaking is accepted");
        }
        return commands.write(
                id,
                new ReviewUndertaking(
                        id,
                        Versions.expected(ifMatch),
                        request.agendaItemId(),
                        request.quote(),
                        request.accepted(),
                        request.title()));
    }

    @PatchMapping(
            path = "/{id}/agenda/{agendaItemId}",
            consumes = {"application/merge-patch+json", "application/json"})
    ResponseEntity<Accepted> renumber(
            @PathVariable String id,
            @PathVariable String agendaItemId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            description =
                                    "JSON merge patch of the agenda line: a part absent stays, a part set to null is cleared",
                            content =
                                    @io.swagger.v3.oas.annotations.media.Content(
                                            mediaType = "application/merge-patch+json",
                                            schema =
                                                    @io.swagger.v3.oas.annotations.media.Schema(
                                                            implementation = AgendaPlacement.class)))
                    @RequestBody
                    JsonNode body) {
        MergePatch<AgendaPlacement> patch = MergePatch.read(
                body, AgendaPlacement.class, Set.of("number", "section"), Map.of(), (b, e) -> {}, json, validator);
        return commands.write(
                id,
                new RenumberAgendaItem(
                        id,
                        Versions.expected(ifMatch),
                        agendaItemId,
                        patch.named(),
                        patch.value().number(),
                        patch.value().section()));
    }

    @PutMapping("/{id}/agenda/order")
    ResponseEntity<Accepted> reorder(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody AgendaOrder request) {
        return commands.write(id, new ReorderAgenda(id, Versions.expected(ifMatch), request.agendaItemIds()));
    }
}
