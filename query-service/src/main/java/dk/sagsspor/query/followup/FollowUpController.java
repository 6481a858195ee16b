package dk.sagsspor.query.followup;

import dk.sagsspor.query.staff.StaffDirectory;
import dk.sagsspor.query.web.BadQuery;
import dk.sagsspor.query.web.DanishDays;
import dk.sagsspor.query.web.NotFound;
import dk.sagsspor.query.web.OParlList;
import dk.sagsspor.query.web.OParlList.PageRequest;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The deadlines view: follow-ups with their due dates and where they stand today. */
@RestController
@RequestMapping("/api/follow-ups")
@Tag(name = "Deadlines", description = "Follow-ups of decisions: open, due soon, overdue, done.")
class FollowUpController {

    static final List<String> STATES = List.of("open", "due-soon", "overdue", "done", "cancelled");

    private final FollowUps followUps;
    private final Clock clock;
    private final StaffDirectory staff;

    FollowUpController(FollowUps followUps, Clock clock, StaffDirectory staff) {
        this.staff = staff;
        this.followUps = followUps;
        this.clock = clock;
    }

    /**
     * A follow-up as the deadlines view shows it. {@code state} is {@code open}, {@code due-soon} (within the longest
     * reminder lead time), {@code overdue}, {@code done} or {@code cancelled}; {@code daysLeft} counts to the due date
     * (negative when overdue).
     */
    record FollowUp(
            String id,
            String agendaItem,
            String name,
            String committee,
            @Nullable String reference,
            @Nullable String meeting,
            String description,
            LocalDate dueDate,
            long daysLeft,
            String state,
            String assignee,
            @Nullable String assigneeName,
            @Nullable String source,
            @Nullable String closingNote,
            OffsetDateTime assigned,
            OffsetDateTime modified) {

        /** The same follow-up with its assignee's name. */
        FollowUp named(String assigneeName) {
            return new FollowUp(
                    id,
                    agendaItem,
                    name,
                    committee,
                    reference,
                    meeting,
                    description,
                    dueDate,
                    daysLeft,
                    state,
                    assignee,
                    assigneeName,
                    source,
                    closingNote,
                    assigned,
                    modified);
        }
    }

    /**
     * Follow-ups by due date, filtered by assignee's initials, committee, state (repeatable; default the open ones:
     * {@code open}, {@code due-soon}, {@code overdue}) and a window of due dates ({@code from}, {@code to}, days, both
     * inclusive).
     */
    @GetMapping
    OParlList<FollowUp> followUps(
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String committee,
            @RequestParam(required = false) List<String> state,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "50") int pageSize) {
        List<String> states = BadQuery.oneOf("state", state, STATES, List.of("open", "due-soon", "overdue"));
        LocalDate today = today();
        PageRequest paging = new PageRequest(page, pageSize);
        OParlList.Page<FollowUp> found = followUps.find(
                assignee, committee, DanishDays.day("from", from), DanishDays.day("to", to), states, today, paging);
        return OParlList.of(
                named(found.rows()), found.total(), paging, ServletUriComponentsBuilder.fromCurrentRequest());
    }

    /** One follow-up. */
    @GetMapping("/{id}")
    FollowUp followUp(@PathVariable String id) {
        LocalDate today = today();
        return followUps
                .one(id, today)
                .map(found -> named(List.of(found)).getFirst())
                .orElseThrow(() -> new NotFound("follow-up", id));
    }

    /** The follow-ups with their assignees' names from the staff directory (none for initials it does not know). */
    private List<FollowUp> named(List<FollowUp> followUps) {
        Map<String, StaffDirectory.Member> members =
                staff.members(followUps.stream().map(FollowUp::assignee).toList());
        return followUps.stream()
                .map(f -> members.containsKey(f.assignee())
                        ? f.named(members.get(f.assignee()).name())
                        : f)
                .toList();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(DanishDays.DENMARK));
    }
}
