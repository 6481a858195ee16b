package dk.sagsspor.query.decisions;

import dk.sagsspor.query.web.DanishDays;
import dk.sagsspor.query.web.OParlList;
import dk.sagsspor.query.web.OParlList.PageRequest;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@Tag(name = "Decision register", description = "Every decision and correction, per committee, case number and period.")
class DecisionController {

    private final Decisions decisions;

    DecisionController(Decisions decisions) {
        this.decisions = decisions;
    }

    /** One register entry; {@code kind} is DECISION or CORRECTION (the original decision stays listed). */
    record Decision(
            String agendaItem,
            String name,
            @Nullable String reference,
            String committee,
            String meeting,
            String kind,
            String result,
            String resolutionText,
            @Nullable String reason,
            Instant decided,
            @Nullable String decidedBy) {}

    /** Newest first; {@code from} and {@code to} are days in Danish time, both inclusive. */
    @GetMapping("/api/decisions")
    OParlList<Decision> decisions(
            @RequestParam(required = false) String committee,
            @RequestParam(required = false) String reference,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "50") int pageSize) {
        PageRequest paging = new PageRequest(page, pageSize);
        return OParlList.of(
                decisions.find(
                        committee,
                        reference,
                        DanishDays.startOf("from", from, 0),
                        DanishDays.startOf("to", to, 1),
                        paging),
                paging,
                ServletUriComponentsBuilder.fromCurrentRequest());
    }
}
