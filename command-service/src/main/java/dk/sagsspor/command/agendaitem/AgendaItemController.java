package dk.sagsspor.command.agendaitem;

import dk.sagsspor.command.web.Commands;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/agenda-items")
class AgendaItemController {

    private final Commands commands;

    AgendaItemController(Commands commands) {
        this.commands = commands;
    }

    /** Proposes an item; the answer points at the item's resource on the query side (same path). */
    @PostMapping
    ResponseEntity<AgendaItemAccepted> propose(@Valid @RequestBody ProposeAgendaItemRequest request) {
        String id = UUID.randomUUID().toString();
        commands.send(request.toCommand(id));
        return ResponseEntity.created(URI.create("/api/agenda-items/" + id))
                .eTag("\"0\"")
                .body(new AgendaItemAccepted(id, 0));
    }

    /** What a command on an agenda item answers: the item and the version it now has. */
    record AgendaItemAccepted(String id, long version) {}
}
