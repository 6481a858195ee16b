package dk.sagsspor.query.staff;

import dk.sagsspor.query.security.Visibility;
import dk.sagsspor.query.web.NotFound;
import dk.sagsspor.query.web.OParlList;
import dk.sagsspor.query.web.OParlList.PageRequest;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The staff directory as the query side knows it: initials, names and (for those who assign follow-ups) e-mail. */
@RestController
@Tag(name = "Staff", description = "The staff directory: who the initials on items, follow-ups and alerts are.")
@RequestMapping("/api/staff")
class StaffController {

    private final StaffDirectory directory;

    StaffController(StaffDirectory directory) {
        this.directory = directory;
    }

    /** Every staff member, by initials. */
    @GetMapping
    OParlList<StaffMember> staff(
            @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "100") int pageSize) {
        PageRequest paging = new PageRequest(page, pageSize);
        return OParlList.of(
                directory.page(paging, Visibility.ofTheSecretariat()),
                paging,
                ServletUriComponentsBuilder.fromCurrentRequest());
    }

    /** One staff member by initials ({@code 404} if not in the directory). */
    @GetMapping("/{initials}")
    StaffMember member(@PathVariable String initials) {
        return directory
                .member(initials, Visibility.ofTheSecretariat())
                .orElseThrow(() -> new NotFound("staff member", initials));
    }
}
