package dk.sagsspor.query.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tables a rebuild writes into: copies of read-model tables in a schema of their own, made for bulk loading —
 * unlogged, with the live tables' triggers and only the unique indexes that idempotent upserts and finding a row need; the other indexes are built once at the end,
 * the tables logged and analysed; then they are swapped for the live ones in one transaction, with the projections'
 * positions. Queries see the old tables until that commit and the new ones from it.
 */
@Repository
class RebuildSchema {

    /** The projections' positions, copied alongside their tables: a rebuild claims events in its own. */
    static final String POSITIONS = "projection_position";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    RebuildSchema(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** The schema a rebuild of these projections uses. */
    static String name(List<String> projections) {
        return "rebuild_" + (projections.size() == 1 ? projections.getFirst().replace('-', '_') : "all");
    }

    /** Creates the schema afresh (dropping what an earlier, interrupted rebuild left) with empty copies of the tables. */
    void create(String schema, List<String> tables, List<String> writeIndexes) {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("drop schema if exists " + schema + " cascade").update();
            jdbc.sql("create schema " + schema).update();
            for (String table : withPositions(tables)) {
                jdbc.sql("create unlogged table " + schema + "." + table + " (like public." + table
                                + " including all excluding indexes)")
                        .update();
                for (String constraint : jdbc.sql("""
                                select format('alter table %s add constraint %I %s', :target, conname,
                                              pg_get_constraintdef(oid))
                                  from pg_constraint
                                 where conrelid = cast(:source as regclass) and contype in ('p', 'u')""")
                        .param("target", schema + "." + table)
                        .param("source", "public." + table)
                        .query(String.class)
                        .list()) {
                    jdbc.sql(constraint).update();
                }
                // the other indexes its writes find rows by: unique ones that are no constraint, and those named
                for (Index index : indexes(table)) {
                    if (index.unique() || writeIndexes.contains(index.name())) {
                        jdbc.sql(onTable(index.definition(), table, schema)).update();
                    }
                }
                // its triggers, so the copy is kept as the live table is (the items' counts, V25): a copy made
                // "like" a table has none
                for (String trigger : jdbc.sql("""
                                select pg_get_triggerdef(oid) from pg_trigger
                                 where tgrelid = cast(:source as regclass) and not tgisinternal""")
                        .param("source", "public." + table)
                        .query(String.class)
                        .list()) {
                    jdbc.sql(onTable(trigger, table, schema)).update();
                }
            }
        });
    }

    /** An index of a live table that no constraint owns. */
    private record Index(String name, String definition, boolean unique) {}

    /** The live table's indexes that no constraint owns. */
    private List<Index> indexes(String table) {
        return jdbc.sql("""
                        select c.relname, pg_get_indexdef(i.indexrelid), i.indisunique
                          from pg_index i join pg_class c on c.oid = i.indexrelid
                         where i.indrelid = cast(:source as regclass)
                           and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)""")
                .param("source", "public." + table)
                .query((rs, n) -> new Index(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .list();
    }

    /**
     * Builds the live tables' other indexes on the copies (once, on full tables: far cheaper than keeping them up to
     * date row by row), makes the copies logged (crash-safe) and analyses them so the planner knows their size.
     */
    void finish(String schema, List<String> tables, List<String> writeIndexes) {
        for (String table : withPositions(tables)) {
            for (Index index : indexes(table)) {
                if (!index.unique() && !writeIndexes.contains(index.name())) {
                    jdbc.sql(onTable(index.definition(), table, schema)).update();
                }
            }
            jdbc.sql("alter table " + schema + "." + table + " set logged").update();
            jdbc.sql("analyze " + schema + "." + table).update();
        }
    }

    /**
     * Swaps the copies in for the live tables and replaces the projections' positions with the rebuild's, in one
     * transaction: the old tables are moved aside and dropped, so a query sees either the old read model or the new,
     * never a mix. Waits for the queries that use the old tables to finish (an exclusive lock on each).
     */
    void swap(String schema, List<String> tables, List<String> projections) {
        String retired = schema + "_retired";
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("drop schema if exists " + retired + " cascade").update();
            jdbc.sql("create schema " + retired).update();
            jdbc.sql("lock table " + String.join(", ", qualified("public", tables)) + " in access exclusive mode")
                    .update();
            for (String table : tables) {
                jdbc.sql("alter table public." + table + " set schema " + retired)
                        .update();
                jdbc.sql("alter table " + schema + "." + table + " set schema public")
                        .update();
            }
            jdbc.sql("delete from public." + POSITIONS + " where projection = any(:projections)")
                    .param("projections", projections.toArray(String[]::new))
                    .update();
            jdbc.sql("insert into public." + POSITIONS + " select * from " + schema + "." + POSITIONS
                            + " where projection = any(:projections)")
                    .param("projections", projections.toArray(String[]::new))
                    .update();
            jdbc.sql("drop schema " + retired + " cascade").update();
            jdbc.sql("drop schema " + schema + " cascade").update();
        });
    }

    /** Drops what a rebuild built (after a failure, or before starting again). */
    void drop(String schema) {
        jdbc.sql("drop schema if exists " + schema + " cascade").update();
    }

    private static List<String> withPositions(List<String> tables) {
        List<String> all = new ArrayList<>(tables);
        all.add(POSITIONS);
        return all;
    }

    private static List<String> qualified(String schema, List<String> tables) {
        return tables.stream().map(table -> schema + "." + table).toList();
    }

    /**
     * The index (or trigger) definition with its table in the rebuild's schema (PostgreSQL writes it with or without
     * public.).
     */
    static String onTable(String definition, String table, String schema) {
        Matcher on = Pattern.compile(" ON (ONLY )?(public\\.)?" + Pattern.quote(table) + " ")
                .matcher(definition);
        if (!on.find()) {
            throw new IllegalStateException("Cannot place index on " + schema + "." + table + ": " + definition);
        }
        return definition.substring(0, on.start()) + " ON " + schema + "." + table + " "
                + definition.substring(on.end());
    }
}
