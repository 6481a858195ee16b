package dk.sagsspor.query.projection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The versions of a read-model table, kept in {@code <table>_history}: each row as it stood from the business time of
 * the event that made it ({@code valid_from}: when it happened in the committee's world, which for imported minutes is
 * the meeting's time, see {@code EventEnvelope.occurredAt}) until the next event changed or removed it
 * ({@code valid_to}). Versions never go back in time: an event dated before the current version starts where it
 * does. A
 * projection records a version in the same transaction as it changes the current row, so the versions are the events
 * applied up to each instant, and a query reads the past with the same SQL as the present by selecting from
 * {@link #asOf(String)} instead of the table.
 */
@Repository
public class History {

    private final JdbcClient jdbc;
    private final Map<String, String> columns = new ConcurrentHashMap<>();

    History(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Ends the current versions of the rows whose {@code keyColumn} is {@code key} at {@code time}, and records the
     * rows as they are now as the versions valid from then. A row that was deleted just has its last version ended.
     */
    public void record(String table, String keyColumn, String key, Instant time) {
        // One round trip: the update in a data-modifying WITH, the insert beside it. Both see the table as it was
        // before the statement, so the new versions start no earlier than the latest existing one.
        String copied = columns.computeIfAbsent(table, this::columnsOf);
        jdbc.sql("with ended as (update " + table + "_history set valid_to = greatest(:time, valid_from) where "
                        + keyColumn + " = :key and valid_to is null)"
                        + " insert into " + table + "_history (" + copied + ", valid_from) select " + copied
                        + ", greatest(:time, (select max(valid_from) from " + table + "_history where " + keyColumn
                        + " = :key)) from " + table + " where " + keyColumn + " = :key")
                .param("time", Timestamp.from(time))
                .param("key", key)
                .update();
    }

    /**
     * The rows of {@code table} as they stood at the instant bound to the {@code :asOf} parameter, as a subquery to
     * select from in place of the table, or the table itself when {@code asOf} is null (now).
     */
    public static String asOf(String table, Instant asOf) {
        return asOf(table, asOf, null);
    }

    /**
     * As {@link #asOf(String, Instant)}, for a table whose versions leave out columns it derives from others (a
     * search vector: costly to compute for every version, rarely read from the past): {@code derived} computes them
     * from a version's columns, named {@code h}, as the table's generated columns do — only for the rows a query
     * reads.
     */
    public static String asOf(String table, Instant asOf, String derived) {
        if (asOf == null) {
            return table;
        }
        return "(select h.*" + (derived == null ? "" : ", " + derived) + " from " + table + "_history h"
                + " where h.valid_from <= :asOf and (h.valid_to is null or h.valid_to > :asOf))";
    }

    /** The columns a version copies: every column of the history table but its validity and those it derives. */
    private String columnsOf(String table) {
        return String.join(
                ", ",
                jdbc.sql("""
                                select column_name from information_schema.columns
                                 where table_schema = current_schema() and table_name = :table
                                   and column_name not in ('valid_from', 'valid_to') and is_generated = 'NEVER'
                                 order by ordinal_position""")
                        .param("table", table + "_history")
                        .query(String.class)
                        .list());
    }
}
