package dk.sagsspor.query.decisions;

import dk.sagsspor.events.EventEnvelope;
import dk.sagsspor.events.agendaitem.AgendaItemDecided;
import dk.sagsspor.events.agendaitem.AgendaItemDecisionCorrected;
import dk.sagsspor.events.agendaitem.AgendaItemDeferred;
import dk.sagsspor.events.agendaitem.AgendaItemDiscussed;
import dk.sagsspor.events.agendaitem.AgendaItemEvent;
import dk.sagsspor.events.agendaitem.AgendaItemProposed;
import dk.sagsspor.events.agendaitem.AgendaItemRevised;
import dk.sagsspor.events.agendaitem.AgendaItemScheduled;
import dk.sagsspor.events.agendaitem.AgendaItemUnscheduled;
import dk.sagsspor.events.agendaitem.AgendaItemWithdrawn;
import dk.sagsspor.events.agendaitem.DecisionOutcome;
import dk.sagsspor.events.agendaitem.FollowUpAssigned;
import dk.sagsspor.events.agendaitem.FollowUpCancelled;
import dk.sagsspor.events.agendaitem.FollowUpCompleted;
import dk.sagsspor.events.agendaitem.FollowUpDueDateChanged;
import dk.sagsspor.events.agendaitem.FollowUpReassigned;
import dk.sagsspor.query.projection.DecodedEvent;
import dk.sagsspor.query.projection.Projection;
import dk.sagsspor.query.projection.ProposedItems;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The decision register: every decision and every correction, each a row of its own, with the item's committee,
 * title and case number as they are now; its tables can be rebuilt and swapped alone.
 */
@Component
class DecisionRegisterProjection implements Projection<AgendaItemEvent> {

    static final String NAME = "decisions";

    private final JdbcClient jdbc;

    DecisionRegisterProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<AgendaItemEvent> eventType() {
        return AgendaItemEvent.class;
    }

    @Override
    public List<String> tables() {
        return List.of("decision", "decision_item");
    }

    /**
     * A poll's events in a few statements: the new items' rows at once (with the titles and case numbers of their
     * revisions in the same poll), the decisions and corrections at once; a revision of an item proposed before the
     * poll on its own.
     */
    @Override
    public void apply(List<DecodedEvent<AgendaItemEvent>> events) {
        ProposedItems.Poll items = new ProposedItems.Poll();
        List<String[]> decisions = new ArrayList<>();
        for (DecodedEvent<AgendaItemEvent> decoded : events) {
            AgendaItemEvent event = decoded.event();
            EventEnvelope envelope = decoded.envelope();
            switch (event) {
                case AgendaItemProposed e -> items.propose(e);
                case AgendaItemRevised e -> {
                    if (!items.revise(e)) {
                        revise(e);
                    }
                }
                case AgendaItemDecided e ->
                    decisions.add(row(envelope, e.meetingId(), "DECISION", e.outcome(), e.text(), null));
                case AgendaItemDecisionCorrected e ->
                    decisions.add(row(envelope, e.meetingId(), "CORRECTION", e.outcome(), e.text(), e.reason()));
                // nothing else an item goes through is a decision or names one
                case AgendaItemScheduled _,
                        AgendaItemUnscheduled _,
                        AgendaItemDiscussed _,
                        AgendaItemDeferred _,
                        AgendaItemWithdrawn _,
                        FollowUpAssigned _,
                        FollowUpDueDateChanged _,
                        FollowUpReassigned _,
                        FollowUpCompleted _,
                        FollowUpCancelled _ -> {}
            }
        }
        insertItems(items.items());
        insertDecisions(decisions);
    }

    private void insertItems(List<AgendaItemProposed> items) {
        if (items.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into decision_item (id, committee, title, case_number, closed_item)
                        select * from unnest(cast(:ids as text[]), cast(:committees as text[]),
                                             cast(:titles as text[]), cast(:caseNumbers as text[]),
                                             cast(:closedItems as boolean[]))""").params(ProposedItems.columns(items)).update();
    }

    /** A decision's row, its columns in the order of {@link #insertDecisions}. */
    private static String[] row(
            EventEnvelope envelope,
            String meetingId,
            String kind,
            DecisionOutcome outcome,
            String text,
            String reason) {
        return new String[] {
            envelope.eventId(),
            envelope.aggregateId(),
            meetingId,
            kind,
            outcome.name(),
            text,
            reason,
            envelope.occurredAt().toString(),
            envelope.actor()
        };
    }

    private void insertDecisions(List<String[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into decision (event_id, agenda_item_id, meeting_id, kind, outcome, text, reason,
                                              decided_at, decided_by)
                        select * from unnest(cast(:c0 as text[]), cast(:c1 as text[]), cast(:c2 as text[]),
                                             cast(:c3 as text[]), cast(:c4 as text[]), cast(:c5 as text[]),
                                             cast(:c6 as text[]), cast(:c7 as timestamptz[]), cast(:c8 as text[]))""").params(columns(rows)).update();
    }

    /** Parameters c0, c1, … : the rows' columns as arrays. */
    private static Map<String, Object> columns(List<String[]> rows) {
        Map<String, Object> columns = new HashMap<>();
        for (int i = 0; i < rows.getFirst().length; i++) {
            int column = i;
            columns.put("c" + i, rows.stream().map(row -> row[column]).toArray(String[]::new));
        }
        return columns;
    }

    /** One event is a poll of one: the same statements, so the two paths cannot drift apart. */
    @Override
    public void apply(DecodedEvent<AgendaItemEvent> decoded) {
        apply(List.of(decoded));
    }

    /** Only the title and the case number are kept here: a revision of other parts writes nothing. */
    private void revise(AgendaItemRevised e) {
        if (e.changed("title") || e.changed("caseNumber")) {
            jdbc.sql("""
                        update decision_item set title = :title, case_number = :caseNumber
                         where id = :id and (title, case_number) is distinct from (:title, :caseNumber)""")
                    .param("title", e.title())
                    .param("caseNumber", e.caseNumber())
                    .param("id", e.agendaItemId())
                    .update();
        }
    }
}
