package dk.sagsspor.query.staff;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
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
}
