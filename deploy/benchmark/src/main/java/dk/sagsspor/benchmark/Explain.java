package dk.sagsspor.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code EXPLAIN (ANALYZE, BUFFERS)} of the list queries on the database M3 built (the realistic mix): the
 * statements as the query service sends them for an admin — {@code AgendaItemSearch} for the outstanding list (its
 * kept total and, for comparison, its rows counted; first page, a page read by keyset, the page's meetings' starts),
 * {@code TimelineController} for an item's timeline (count, page) — with the
 * parameters written in, after {@code analyze}. Each is run twice and the second plan kept (warm cache, as a busy
 * service sees it).
 */
final class Explain {

    private static final String VISIBLE = "(not coalesce(i.closed_item, false) or true)";

    private Explain() {}

    static void write(String url, Path to) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "sagsspor", "");
                Statement statement = connection.createStatement()) {
            // the statistics of a settled database (autovacuum's analyze may not have run yet right after a rebuild)
            statement.execute("analyze");
            String committee = single(statement, "select committee from agenda_item order by committee limit 1");
            String item = single(statement, "select agenda_item_id from event_log where agenda_item_id is not null"
                    + " group by agenda_item_id order by count(*) desc, agenda_item_id limit 1");
            String middle = single(statement, "select proposed_at::text || '|' || id from agenda_item"
                    + " where committee = '" + committee + "' and outstanding order by proposed_at, id"
                    + " offset (select count(*) / 2 from agenda_item where committee = '" + committee
                    + "' and outstanding) limit 1");
            String[] cursor = middle == null ? new String[] {"-infinity", ""} : middle.split("\\|", 2);
            String outstanding = " from agenda_item i where i.committee = '" + committee + "' and i.outstanding and "
                    + VISIBLE;
            Map<String, String> queries = new LinkedHashMap<>();
            queries.put(
                    "outstanding list: its total, kept by the read model (V25)",
                    "select coalesce(sum(c.outstanding), 0) from agenda_item_count c where c.committee = '" + committee
                            + "' and " + VISIBLE.replace("i.", "c."));
            queries.put("outstanding list: its rows counted (the total before V25; other filters still do)",
                    "select count(*)" + outstanding);
            queries.put(
                    "outstanding list: first page of 50",
                    "select i.*" + outstanding + " order by i.proposed_at, i.id limit 50 offset 0");
            queries.put(
                    "outstanding list: a page from the middle, by keyset (the next link's after)",
                    "select i.*" + outstanding + " and (i.proposed_at, i.id) > ('" + cursor[0] + "', '"
                            + cursor[1] + "') order by i.proposed_at, i.id limit 50 offset 0");
            queries.put(
                    "outstanding list: the same page by number (offset)",
                    "select i.*" + outstanding
                            + " order by i.proposed_at, i.id limit 50 offset (select count(*) / 2 from agenda_item"
                            + " where committee = '" + committee + "' and outstanding)");
            queries.put(
                    "outstanding list: the first page's meetings' starts (the service binds the ids)",
                    "select id, start_at from meeting where id = any (array(select i.meeting_id" + outstanding
                            + " and i.meeting_id is not null order by i.proposed_at, i.id limit 50))");
            queries.put(
                    "timeline of the item with most events: count",
                    "select count(*) from event_log e where e.agenda_item_id = '" + item + "' and true");
            queries.put(
                    "timeline of the item with most events: first page of 50",
                    "select e.occurred_at, e.recorded_at, e.actor, e.type, e.summary, e.aggregate_type,"
                            + " e.aggregate_id, e.sequence, e.event_id, e.correlation_id, e.agenda_item_id,"
                            + " (select i.title from event_log_item i where i.id = e.agenda_item_id) as"
                            + " agenda_item_name, case when e.type = 'MeetingAgendaPublished' then (select count(*)"
                            + " from jsonb_array_elements(e.payload -> 'agenda') a where exists (select 1 from"
                            + " event_log_item i where i.id = a ->> 'agendaItemId' and " + VISIBLE + ")) end as"
                            + " visible_agenda_items from event_log e where e.agenda_item_id = '" + item + "' and true"
                            + " order by e.occurred_at, e.recorded_at, e.aggregate_id, e.sequence limit 50 offset 0");
            List<String> out = new ArrayList<>();
            out.add("-- " + single(statement, "select version()"));
            out.add("-- rows: agenda_item " + single(statement, "select count(*) from agenda_item")
                    + ", outstanding in '" + committee + "' "
                    + single(statement, "select count(*) from agenda_item where committee = '" + committee
                            + "' and outstanding")
                    + ", event_log " + single(statement, "select count(*) from event_log"));
            for (Map.Entry<String, String> query : queries.entrySet()) {
                plan(statement, query.getValue());
                out.add("");
                out.add("-- " + query.getKey());
                out.add(query.getValue() + ";");
                out.addAll(plan(statement, query.getValue()));
            }
            Files.write(to, out);
        }
    }

    private static List<String> plan(Statement statement, String query) throws Exception {
        List<String> lines = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("explain (analyze, buffers) " + query)) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        return lines;
    }

    private static String single(Statement statement, String query) throws Exception {
        try (ResultSet rs = statement.executeQuery(query)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
