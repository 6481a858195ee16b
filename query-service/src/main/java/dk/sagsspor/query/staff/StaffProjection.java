package dk.sagsspor.query.staff;

import dk.sagsspor.events.staff.StaffMemberChanged;
import dk.sagsspor.events.staff.StaffMemberEvent;
import dk.sagsspor.events.staff.StaffMemberRegistered;
import dk.sagsspor.query.projection.DecodedEvent;
import dk.sagsspor.query.projection.Projection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps {@code staff_member}: the staff directory's current entries. */
@Component
class StaffProjection implements Projection<StaffMemberEvent> {

    private final JdbcClient jdbc;

    StaffProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "staff";
    }

    @Override
    public Class<StaffMemberEvent> eventType() {
        return StaffMemberEvent.class;
    }

    @Override
    public List<String> tables() {
        return List.of("staff_member");
    }

    @Override
    public void apply(DecodedEvent<StaffMemberEvent> decoded) {
        switch (decoded.event()) {
            case StaffMemberRegistered e -> enter(e.initials(), e.name(), e.email());
            case StaffMemberChanged e -> enter(e.initials(), e.name(), e.email());
        }
    }

    private void enter(String initials, String name, String email) {
        jdbc.sql("""
                        insert into staff_member (initials, name, email) values (:initials, :name, :email)
                        on conflict (initials) do update set name = excluded.name, email = excluded.email""")
                .param("initials", initials)
                .param("name", name)
                .param("email", email)
                .update();
    }
}
