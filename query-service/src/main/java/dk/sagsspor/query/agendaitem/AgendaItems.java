package dk.sagsspor.query.agendaitem;

import dk.sagsspor.events.EventEnvelope;
import dk.sagsspor.events.agendaitem.AgendaItemProposed;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The agenda-item read model in PostgreSQL. */
@Repository
class AgendaItems {

    private final JdbcClient jdbc;

    AgendaItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void proposed(AgendaItemProposed event, EventEnvelope envelope) {
        jdbc.sql("""
                        insert into agenda_item (id, committee, title, case_number, case_officers, background,
                                                 recommendation, presentation, attachments, status, version,
                                                 proposed_at, proposed_by, last_changed_at)
                        values (:id, :committee, :title, :caseNumber, :caseOfficers, :background,
                                :recommendation, :presentation, :attachments, 'PROPOSED', :version,
                                :time, :actor, :time)""")
                .param("id", event.agendaItemId())
                .param("committee", event.committee())
                .param("title", event.title())
                .param("caseNumber", event.caseNumber())
                .param("caseOfficers", event.caseOfficers().toArray(String[]::new))
                .param("background", event.background())
                .param("recommendation", event.recommendation())
                .param("presentation", event.presentation())
                .param("attachments", event.attachments().toArray(String[]::new))
                .param("version", envelope.sequence())
                .param("time", Timestamp.from(envelope.time()))
                .param("actor", envelope.actor())
                .update();
    }

    Optional<AgendaItem> find(String id) {
        return jdbc.sql("select * from agenda_item where id = :id")
                .param("id", id)
                .query(AgendaItems::row)
                .optional();
    }

    private static AgendaItem row(ResultSet rs, int rowNumber) throws SQLException {
        return new AgendaItem(
                rs.getString("id"),
                rs.getString("committee"),
                rs.getString("title"),
                rs.getString("case_number"),
                strings(rs.getArray("case_officers")),
                rs.getString("background"),
                rs.getString("recommendation"),
                rs.getString("presentation"),
                strings(rs.getArray("attachments")),
                rs.getString("status"),
                rs.getLong("version"),
                rs.getTimestamp("proposed_at").toInstant(),
                rs.getString("proposed_by"),
                rs.getTimestamp("last_changed_at").toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
