package dk.sagsspor.query.decisions;

import dk.sagsspor.query.security.Visibility;
import dk.sagsspor.query.web.OParlList;
import dk.sagsspor.query.web.OParlList.PageRequest;
import java.sql.Timestamp;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The decision register as its read model keeps it ({@code decision}, {@code decision_item}). */
@Repository
class Decisions {

    private final JdbcClient jdbc;

    Decisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The decisions the current user may see, newest first, filtered by committee, case number and time (from
     * inclusive, to exclusive), a page of them and how many there are.
     */
    OParlList.Page<DecisionController.Decision> find(
            @Nullable String committee,
            @Nullable String reference,
            @Nullable Timestamp fromTime,
            @Nullable Timestamp toTime,
            PageRequest paging) {
        String where = """
                  from decision d join decision_item i on i.id = d.agenda_item_id
                 where (cast(:committee as text) is null or i.committee = :committee)
                   and (cast(:reference as text) is null or i.case_number = :reference)
                   and (cast(:from as timestamptz) is null or d.decided_at >= :from)
                   and (cast(:to as timestamptz) is null or d.decided_at < :to)
                   and """ + Visibility.visible("i");
        long total = jdbc.sql("select count(*) " + where)
                .param("committee", committee)
                .param("reference", reference)
                .param("from", fromTime)
                .param("to", toTime)
                .params(Visibility.parameters())
                .query(Long.class)
                .single();
        List<DecisionController.Decision> decisions = jdbc.sql("select d.*, i.title, i.case_number, i.committee "
                        + where + " order by d.decided_at desc, d.event_id limit :limit offset :offset")
                .param("committee", committee)
                .param("reference", reference)
                .param("from", fromTime)
                .param("to", toTime)
                .param("limit", paging.size())
                .param("offset", paging.offset())
                .params(Visibility.parameters())
                .query((rs, n) -> new DecisionController.Decision(
                        rs.getString("agenda_item_id"),
                        rs.getString("title"),
                        rs.getString("case_number"),
                        rs.getString("committee"),
                        rs.getString("meeting_id"),
                        rs.getString("kind"),
                        rs.getString("outcome"),
                        rs.getString("text"),
                        rs.getString("reason"),
                        rs.getTimestamp("decided_at").toInstant(),
                        rs.getString("decided_by")))
                .list();
        return new OParlList.Page<>(decisions, total);
    }
}
