package dk.sagsspor.query.agendaitem;

import dk.sagsspor.query.web.NotFound;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

@RestController
@Tag(name = "Agenda items", description = "Agenda items as projected from the event log.")
@RequestMapping("/api/agenda-items")
class AgendaItemController {

    private final AgendaItems items;

    AgendaItemController(AgendaItems items) {
        this.items = items;
    }

    /** One item; its ETag is the item's version (the sequence of the last event applied). */
    @GetMapping("/{id}")
    ResponseEntity<AgendaItem> item(@PathVariable String id, WebRequest request) {
        AgendaItem item = items.find(id).orElseThrow(() -> new NotFound("agenda item", id));
        String etag = "\"" + item.version() + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok().eTag(etag).body(item);
    }
}
