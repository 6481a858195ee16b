package dk.sagsspor.query.projection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Read-model rows and their versions (see {@link History}) read and written a poll at a time, for a projection that
 * applies a poll's events to its rows in memory: rows travel as JSON objects named by column ({@code row_to_json} on
 * the way in, {@code jsonb_populate_recordset} on the way out), so one statement reads or writes any number of rows of
 * any table, whatever its columns. Tables are named without a schema: a rebuild's pass writes into its own.
 */
@Repository
public class Rows {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Map<String, List<String>> columns = new ConcurrentHashMap<>();

    Rows(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The rows whose {@code keyColumn} is one of {@code keys}, grouped by it. */
    public Map<String, List<ObjectNode>> read(String table, String keyColumn, Collection<String> keys) {
        Map<String, List<ObjectNode>> rows = new HashMap<>();
        if (keys.isEmpty()) {
            return rows;
        }
        jdbc.sql("select row_to_json(t)::text from " + table + " t where " + keyColumn + " = any(:keys)")
                .param("keys", keys.toArray(String[]::new))
                .query(String.class)
                .list()
                .forEach(text -> {
                    ObjectNode row = (ObjectNode) json.readTree(text);
                    rows.computeIfAbsent(row.path(keyColumn).asString(), k -> new ArrayList<>())
                            .add(row);
                });
        return rows;
    }

    /** Where the latest version of the rows of each key begins (keys without versions are left out). */
    public Map<String, Instant> latestVersions(String table, String keyColumn, Collection<String> keys) {
        Map<String, Instant> latest = new HashMap<>();
        if (keys.isEmpty()) {
            return latest;
        }
        jdbc.sql("select " + keyColumn + ", max(valid_from) from " + table + "_history where " + keyColumn
                        + " = any(:keys) group by " + keyColumn)
                .param("keys", keys.toArray(String[]::new))
                .query((rs, n) -> latest.put(rs.getString(1), rs.getTimestamp(2).toInstant()))
                .list();
        return latest;
    }

    /**
     * Ends the open versions of the rows of each key at its time (never before a version began), in one statement,
     * and answers where the ended versions of each key began (the latest of them).
     */
    public Map<String, Instant> endOpenVersions(String table, String keyColumn, Map<String, Instant> at) {
        Map<String, Instant> began = new HashMap<>();
        if (at.isEmpty()) {
            return began;
        }
        jdbc.sql("update " + table + "_history h set valid_to = greatest(e.time, h.valid_from)"
                        + " from unnest(cast(:keys as text[]), cast(:times as timestamptz[])) as e(key, time)"
                        + " where h." + keyColumn + " = e.key and h.valid_to is null"
                        + " returning h." + keyColumn + ", h.valid_from")
                .param("keys", at.keySet().toArray(String[]::new))
                .param("times", at.values().stream().map(Instant::toString).toArray(String[]::new))
                .query((rs, n) ->
                        began.merge(rs.getString(1), rs.getTimestamp(2).toInstant(), Rows::later))
                .list();
        return began;
    }

    /** Inserts the rows, or updates every column of those whose {@code conflict} columns exist. */
    public void upsert(String table, List<String> conflict, Collection<ObjectNode> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<String> all = columnsOf(table);
        String updates = all.stream()
                .filter(column -> !conflict.contains(column))
                .map(column -> column + " = excluded." + column)
                .collect(Collectors.joining(", "));
        write(
                "insert into " + table + " (" + String.join(", ", all) + ") select " + String.join(", ", all)
                        + " from jsonb_populate_recordset(null::" + table + ", cast(:rows as jsonb))"
                        + " on conflict (" + String.join(", ", conflict) + ") do update set " + updates,
                rows);
    }

    /** Inserts the rows (versions into {@code <table>_history}: name it so). */
    public void insert(String table, Collection<ObjectNode> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String all = String.join(", ", columnsOf(table));
        write(
                "insert into " + table + " (" + all + ") select " + all + " from jsonb_populate_recordset(null::"
                        + table + ", cast(:rows as jsonb))",
                rows);
    }

    /** Deletes the rows whose {@code keyColumn} is one of {@code keys}. */
    public void delete(String table, String keyColumn, Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        jdbc.sql("delete from " + table + " where " + keyColumn + " = any(:keys)")
                .param("keys", keys.toArray(String[]::new))
                .update();
    }

    /**
     * The versions a poll makes of rows with one row per key (see {@link History}): each change of a row makes a
     * version of it after the change, which ends the row's previous version of the poll and begins no earlier than
     * the key's latest version.
     */
    public final class Versions {

        private final Map<String, Instant> latest;
        private final Map<String, ObjectNode> last = new HashMap<>();
        private final List<ObjectNode> all = new ArrayList<>();

        /** With where each key's latest version began before the poll ({@link #endOpenVersions}). */
        public Versions(Map<String, Instant> latest) {
            this.latest = new HashMap<>(latest);
        }

        /** Records a version of the row of {@code key} as it is now, after a change at {@code time}. */
        public void add(String key, ObjectNode row, Instant time) {
            ObjectNode previous = last.get(key);
            if (previous != null) {
                end(previous, time);
            }
            Instant from = later(time, latest.get(key));
            latest.put(key, from);
            ObjectNode version = version(row, from);
            last.put(key, version);
            all.add(version);
        }

        /** Every version made, in order. */
        public List<ObjectNode> all() {
            return all;
        }
    }

    /** A version of the row: a copy, valid from {@code from}, still open. */
    public ObjectNode version(ObjectNode row, Instant from) {
        ObjectNode version = row.deepCopy();
        version.put("valid_from", from.toString());
        version.putNull("valid_to");
        return version;
    }

    /** Ends a version (made by {@link #version}) at {@code time}, never before it began. */
    public static void end(ObjectNode version, Instant time) {
        Instant from = Instant.parse(version.path("valid_from").asString());
        version.put("valid_to", later(time, from).toString());
    }

    /** The later of two instants; {@code b} may be null. */
    public static Instant later(Instant a, Instant b) {
        return b == null || a.isAfter(b) ? a : b;
    }

    /** An instant as a column value. */
    public static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** A timestamp for a statement parameter. */
    public static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private void write(String statement, Collection<ObjectNode> rows) {
        jdbc.sql(statement).param("rows", json.writeValueAsString(rows)).update();
    }

    /** The columns written: every column of the table but generated ones, in order. */
    private List<String> columnsOf(String table) {
        return columns.computeIfAbsent(
                table, t -> jdbc.sql("""
                        select column_name from information_schema.columns
                         where table_schema = current_schema() and table_name = :table and is_generated = 'NEVER'
                         order by ordinal_position""").param("table", t).query(String.class).list());
    }

    /** Rows keyed by a column, in the order given. */
    public static Map<String, ObjectNode> byKey(List<ObjectNode> rows, String keyColumn) {
        Map<String, ObjectNode> byKey = new LinkedHashMap<>();
        rows.forEach(row -> byKey.put(row.path(keyColumn).asString(), row));
        return byKey;
    }
}
