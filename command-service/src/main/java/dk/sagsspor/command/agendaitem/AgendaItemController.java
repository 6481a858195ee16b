package dk.sagsspor.command.agendaitem;

import dk.sagsspor.command.agendaitem.AgendaItemCommands.CorrectDecision;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.DecideAgendaItem;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.DeferAgendaItem;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.DiscussAgendaItem;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.ScheduleAgendaItem;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.UnscheduleAgendaItem;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.WithdrawAgendaItem;
import dk.sagsspor.command.agendaitem.AgendaItemRequests.Decision;
import dk.sagsspor.command.agendaitem.AgendaItemRequests.DecisionCorrection;
import dk.sagsspor.command.agendaitem.AgendaItemRequests.Deferral;
import dk.sagsspor.command.agendaitem.AgendaItemRequests.Discussion;
import dk.sagsspor.command.agendaitem.AgendaItemRequests.Scheduling;
import dk.sagsspor.command.agendaitem.AgendaItemRequests.Withdrawal;
import dk.sagsspor.command.web.Commands;
import dk.sagsspor.command.web.QueryLinks;
import dk.sagsspor.command.web.Versions;
import dk.sagsspor.command.web.Versions.Accepted;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Agenda items: proposed as a resource, then moved through their life by posting facts to sub-resources
 * ({@code /scheduling}, {@code /discussion}, {@code /decision}, …). Every write takes {@code If-Match} and answers the
 * item's new version as {@code ETag}.
 */
@RestController
@Tag(
        name = "Agenda items",
        description =
                "Propose agenda items and record what happens to them: scheduling, discussion, decision, correction, deferral, withdrawal.")
@RequestMapping("/api/agenda-items")
class AgendaItemController {

    private final QueryLinks links;

    private final Commands commands;
    private final JsonMapper json;
    private final Validator validator;

    AgendaItemController(Commands commands, JsonMapper json, Validator validator, QueryLinks links) {
        this.links = links;
        this.commands = commands;
        this.json = json;
        this.validator = validator;
    }

    /** Proposes an item; the answer points at the item's resource on the query side (same path). */
    @dk.sagsspor.web.contract.Created(
            value = "Proposed: the new item's id and version 0",
            location = "The item on the query service")
    @PostMapping
    ResponseEntity<Accepted> propose(@Valid @RequestBody ProposeAgendaItemRequest request) {
        String id = UUID.randomUUID().toString();
        commands.send(request.toCommand(id));
        return ResponseEntity.created(links.to("/api/agenda-items/" + id))
                .eTag(Versions.etag(0))
                .body(new Accepted(id, 0));
    }

    @PatchMapping(
            path = "/{id}",
            consumes = {"application/merge-patch+json", "application/json"})
    ResponseEntity<Accepted> revise(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            description = "JSON merge patch of the editable parts; null clears a part, absent keeps it",
                            content =
                                    @io.swagger.v3.oas.annotations.media.Content(
                                            mediaType = "application/merge-patch+json",
                                            schema =
                                                    @io.swagger.v3.oas.annotations.media.Schema(
                                                            implementation = AgendaItemPatch.class)))
                    @RequestBody
                    JsonNode patch) {
        return commands.write(id, AgendaItemPatch.toCommand(patch, id, Versions.expected(ifMatch), json, validator));
    }

    @PostMapping("/{id}/scheduling")
    ResponseEntity<Accepted> schedule(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Scheduling request) {
        return commands.write(
                id,
                new ScheduleAgendaItem(
                        id, Versions.expected(ifMatch), request.meetingId(), request.number(), request.section()));
    }

    @DeleteMapping("/{id}/scheduling")
    ResponseEntity<Accepted> unschedule(
            @PathVariable String id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return commands.write(id, new UnscheduleAgendaItem(id, Versions.expected(ifMatch)));
    }

    @PostMapping("/{id}/discussion")
    ResponseEntity<Accepted> discuss(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Discussion request) {
        return commands.write(id, new DiscussAgendaItem(id, Versions.expected(ifMatch), request.notes()));
    }

    @PostMapping("/{id}/decision")
    ResponseEntity<Accepted> decide(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Decision request) {
        return commands.write(
                id, new DecideAgendaItem(id, Versions.expected(ifMatch), request.parsedOutcome(), request.text()));
    }

    @PostMapping("/{id}/decision-correction")
    ResponseEntity<Accepted> correctDecision(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody DecisionCorrection request) {
        return commands.write(
                id,
                new CorrectDecision(
                        id, Versions.expected(ifMatch), request.parsedOutcome(), request.text(), request.reason()));
    }

    @PostMapping("/{id}/deferral")
    ResponseEntity<Accepted> defer(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Deferral request) {
        return commands.write(
                id, new DeferAgendaItem(id, Versions.expected(ifMatch), request.reason(), request.toMeetingId()));
    }

    @PostMapping("/{id}/withdrawal")
    ResponseEntity<Accepted> withdraw(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Withdrawal request) {
        return commands.write(id, new WithdrawAgendaItem(id, Versions.expected(ifMatch), request.reason()));
    }
}
