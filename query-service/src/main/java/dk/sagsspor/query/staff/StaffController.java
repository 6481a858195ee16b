package dk.sagsspor.query.staff;

import dk.sagsspor.query.security.Visibility;
import dk.sagsspor.query.web.NotFound;
import dk.sagsspor.query.web.OParlList;
import dk.sagsspor.query.web.OParlList.PageRequest;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;

    StaffController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every staff member, by initials. */
    @GetMapping
    OParlList<StaffMember> staff(
            @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "100") int pageSize) {
        PageRequest paging = new PageRequest(page, pageSize);
        long total =
                jdbc.sql("select count(*) from staff_member").query(Long.class).single();
        boolean contact = Visibility.seesContactDetails();
        List<StaffMember> members = jdbc.sql("select * from staff_member order by initials limit :limit offset :offset")
                .param("limit", paging.size())
                .param("offset", paging.offset())
                .query((rs, n) -> member(rs, contact))
                .list();
        return OParlList.of(members, total, paging, ServletUriComponentsBuilder.fromCurrentRequest());
    }

    /** One staff member by initials ({@code 404} if not in the directory). */
    @GetMapping("/{initials}")
    StaffMember member(@PathVariable String initials) {
        boolean contact = Visibility.seesContactDetails();
        return jdbc.sql("select * from staff_member where initials = :initials")
                .param("initials", initials)
                .query((rs, n) -> member(rs, contact))
                .optional()
                .orElseThrow(() -> new NotFound("staff member", initials));
    }

    private static StaffMember member(ResultSet rs, boolean contact) throws SQLException {
        return new StaffMember(rs.getString("initials"), rs.getString("name"), contact ? rs.getString("email") : null);
    }
}
