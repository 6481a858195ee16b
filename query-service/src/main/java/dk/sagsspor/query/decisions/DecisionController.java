package dk.sagsspor.query.decisions;

import dk.sagsspor.query.security.Visibility;
import dk.sagsspor.query.web.DanishDays;
import dk.sagsspor.query.web.OParlList;
import dk.sagsspor.query.web.OParlList.PageRequest;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@Tag(name = "Decision register", description = "Every decision and correction, per committee, case number and period.")
class DecisionController {

    private final JdbcClient jdbc;

    DecisionController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One register entry; {@code kind} is DECISION or CORRECTION (the original decision stays listed). */
    record Decision(
            String agendaItem,
            String name,
            @Nullable String reference,
            String committee,
            String meeting,
            String kind,
            String result,
            String resolutionText,
            @Nullable String reason,
            Instant decided,
            @Nullable String decidedBy) {}

    /** Newest first; {@code from} and {@code to} are days in Danish time, both inclusive. */
    @GetMapping("/api/decisions")
    OParlList<Decision> decisions(
            @RequestParam(required = false) String committee,
            @RequestParam(required = false) String reference,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "50") int pageSize) {
        PageRequest paging = new PageRequest(page, pageSize);
        String where = """
                  from decision d join decision_item i on i.id = d.agenda_item_id
                 where (cast(:committee as text) is null or i.committee = :committee)
                   and (cast(:reference as text) is null or i.case_number = :reference)
                   and (cast(:from as timestamptz) is null or d.decided_at >= :from)
                   and (cast(:to as timestamptz) is null or d.decided_at < :to)
                   and """ + Visibility.visible("i");
        Timestamp fromTime = DanishDays.startOf("from", from, 0);
        Timestamp toTime = DanishDays.startOf("to", to, 1);
        long total = jdbc.sql("select count(*) " + where)
                .param("committee", committee)
                .param("reference", reference)
                .param("from", fromTime)
                .param("to", toTime)
                .params(Visibility.parameters())
                .query(Long.class)
                .single();
        List<Decision> decisions = jdbc.sql("select d.*, i.title, i.case_number, i.committee " + where
                        + " order by d.decided_at desc, d.event_id limit :limit offset :offset")
                .param("committee", committee)
                .param("reference", reference)
                .param("from", fromTime)
                .param("to", toTime)
                .param("limit", paging.size())
                .param("offset", paging.offset())
                .params(Visibility.parameters())
                .query((rs, n) -> new Decision(
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
        return OParlList.of(decisions, total, paging, ServletUriComponentsBuilder.fromCurrentRequest());
    }
}
