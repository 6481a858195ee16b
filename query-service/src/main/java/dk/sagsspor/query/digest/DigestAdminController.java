package dk.sagsspor.query.digest;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What an admin may do about the weekly digests: raise this week's now. */
@RestController
@RequestMapping("/api/admin/digests")
@Tag(name = "Digests", description = "A staff member's weekly overview of follow-ups, outstanding items and changes.")
class DigestAdminController {

    private final DigestScheduler scheduler;

    DigestAdminController(DigestScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Raises this week's digest now for everyone with an e-mail address who has none this week yet (and has not opted
     * out) — someone entered after the week's digests were raised, or a week to go out before its day — and says for
     * which week and how many; the instances send them within a poll interval. Still one per person and week: asked
     * again, it raises none.
     */
    @PostMapping("/raise")
    DigestScheduler.Raised raise() {
        return scheduler.raiseNow();
    }
}
