package dk.sagsspor.query.staff;

import dk.sagsspor.query.web.OParlList;
import dk.sagsspor.query.web.OParlList.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What other features may ask of the staff read model: who initials are. It owns {@code staff_member}; follow-ups,
 * alerts and calendar feeds name their assignees through it rather than joining the table.
 */
@Repository
public class StaffDirectory {

    private final JdbcClient jdbc;

    StaffDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A staff member's directory entry. */
    public record Member(
            String initials, String name, @Nullable String email) {}

    /** The directory's entries for these initials; initials the directory does not know (yet) are absent. */
    public Map<String, Member> members(Collection<String> initials) {
        Map<String, Member> members = new HashMap<>();
        String[] wanted = initials.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
        if (wanted.length == 0) {
            return members;
        }
        jdbc.sql("select initials, name, email from staff_member where initials = any (cast(:initials as text[]))")
                .param("initials", wanted)
                .query(rs -> {
                    members.put(
                            rs.getString("initials"),
                            new Member(rs.getString("initials"), rs.getString("name"), rs.getString("email")));
                });
        return members;
    }

    /** Every entry with an e-mail address, by initials: whom mails can reach. */
    public List<Member> withEmail() {
        return jdbc.sql("select initials, name, email from staff_member where email is not null and email <> ''"
                        + " order by initials")
                .query((rs, n) -> new Member(rs.getString("initials"), rs.getString("name"), rs.getString("email")))
                .list();
    }

    /** A page of the directory by initials, and how many entries it has; e-mail only when {@code contact}. */
    OParlList.Page<StaffMember> page(PageRequest paging, boolean contact) {
        long total =
                jdbc.sql("select count(*) from staff_member").query(Long.class).single();
        List<StaffMember> members = jdbc.sql("select * from staff_member order by initials limit :limit offset :offset")
                .param("limit", paging.size())
                .param("offset", paging.offset())
                .query((rs, n) -> member(rs, contact))
                .list();
        return new OParlList.Page<>(members, total);
    }

    /** One entry by initials; e-mail only when {@code contact}. */
    Optional<StaffMember> member(String initials, boolean contact) {
        return jdbc.sql("select * from staff_member where initials = :initials")
                .param("initials", initials)
                .query((rs, n) -> member(rs, contact))
                .optional();
    }

    private static StaffMember member(ResultSet rs, boolean contact) throws SQLException {
        return new StaffMember(rs.getString("initials"), rs.getString("name"), contact ? rs.getString("email") : null);
    }
}
