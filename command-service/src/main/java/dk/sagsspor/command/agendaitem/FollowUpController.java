package dk.sagsspor.command.agendaitem;

import dk.sagsspor.command.agendaitem.AgendaItemCommands.AssignFollowUp;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.CancelFollowUp;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.ChangeFollowUpDueDate;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.CompleteFollowUp;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.ReassignFollowUp;
import dk.sagsspor.command.web.Commands;
import dk.sagsspor.command.web.QueryLinks;
import dk.sagsspor.command.web.Versions;
import dk.sagsspor.command.web.Versions.Accepted;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Follow-ups of decided items: assigned to a staff member of the directory with a due date, then moved, handed over,
 * completed or cancelled. They are part of the item: every write takes the item's {@code If-Match} and answers its new
 * version as {@code ETag}.
 */
@RestController
@Tag(
        name = "Follow-ups",
        description = "The work a decision creates: assign, move the due date, reassign, complete, cancel.")
@RequestMapping("/api/agenda-items/{id}/follow-ups")
class FollowUpController {

    private final QueryLinks links;

    private final Commands commands;

    FollowUpController(Commands commands, QueryLinks links) {
        this.links = links;
        this.commands = commands;
    }

    /** A follow-up to assign; {@code source} quotes the text a suggested deadline came from, if it did. */
    record Assignment(
            @NotBlank @Size(max = 2000) String description,
            @NotNull LocalDate dueDate,
            @NotBlank @Initials String assignee,
            @Size(max = 2000) String source) {}

    record DueDateChange(
            @NotNull LocalDate dueDate,
            @NotBlank @Size(max = 2000) String reason) {}

    record Reassignment(@NotBlank @Initials String assignee) {}

    record Completion(@NotBlank @Size(max = 10_000) String note) {}

    record Cancellation(@NotBlank @Size(max = 2000) String reason) {}

    /** Assigns a follow-up → {@code 201} with its id; {@code Location} is the follow-up on the query side. */
    @dk.sagsspor.web.contract.Created(
            value = "Assigned: the new follow-up's id and the item's new version",
            location = "The follow-up on the query service")
    @PostMapping
    ResponseEntity<Accepted> assign(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Assignment request) {
        String followUpId = UUID.randomUUID().toString();
        long version = commands.send(new AssignFollowUp(
                id,
                Versions.expected(ifMatch),
                followUpId,
                request.description(),
                request.dueDate(),
                request.assignee(),
                request.source()));
        return ResponseEntity.created(links.to("/api/follow-ups/" + followUpId))
                .eTag(Versions.etag(version))
                .body(new Accepted(followUpId, version));
    }

    @PostMapping("/{followUpId}/due-date-change")
    ResponseEntity<Accepted> changeDueDate(
            @PathVariable String id,
            @PathVariable String followUpId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody DueDateChange request) {
        return commands.write(
                id,
                new ChangeFollowUpDueDate(
                        id, Versions.expected(ifMatch), followUpId, request.dueDate(), request.reason()));
    }

    @PostMapping("/{followUpId}/reassignment")
    ResponseEntity<Accepted> reassign(
            @PathVariable String id,
            @PathVariable String followUpId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Reassignment request) {
        return commands.write(id, new ReassignFollowUp(id, Versions.expected(ifMatch), followUpId, request.assignee()));
    }

    @PostMapping("/{followUpId}/completion")
    ResponseEntity<Accepted> complete(
            @PathVariable String id,
            @PathVariable String followUpId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Completion request) {
        return commands.write(id, new CompleteFollowUp(id, Versions.expected(ifMatch), followUpId, request.note()));
    }

    @PostMapping("/{followUpId}/cancellation")
    ResponseEntity<Accepted> cancel(
            @PathVariable String id,
            @PathVariable String followUpId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Cancellation request) {
        return commands.write(id, new CancelFollowUp(id, Versions.expected(ifMatch), followUpId, request.reason()));
    }
}
