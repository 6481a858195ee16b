package dk.sagsspor.query.projection;

import dk.sagsspor.query.web.NotFound;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/dead-letters")
@Tag(
        name = "Dead letters",
        description = "Records a projection could not apply, the aggregates they leave incomplete, and replaying them.")
class DeadLetterAdminController {

    private final DeadLetters deadLetters;
    private final DeadLetterReplay replay;

    DeadLetterAdminController(DeadLetters deadLetters, DeadLetterReplay replay) {
        this.deadLetters = deadLetters;
        this.replay = replay;
    }

    /** Unresolved dead letters (open and held) of one projection or all, in the order a replay takes them. */
    @GetMapping
    List<DeadLetters.DeadLetter> unresolved(@RequestParam(required = false) String projection) {
        return deadLetters.unresolved(projection);
    }

    /** One dead letter, whatever its status. */
    @GetMapping("/{id}")
    DeadLetters.DeadLetter deadLetter(@PathVariable long id) {
        return deadLetters.find(id).orElseThrow(() -> new NotFound("dead letter", Long.toString(id)));
    }

    /**
     * Applies the unresolved dead letters again (of one projection, or all), once their cause is fixed; answers how
     * many were replayed and which are still unresolved, with their reasons.
     */
    @PostMapping("/replay")
    DeadLetterReplay.Outcome replay(@RequestParam(required = false) String projection, Principal admin) {
        return replay.replay(projection, admin.getName());
    }
}
