package dk.sagsspor.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Where PostgreSQL's time goes during M3: the rebuilt database's statements by total execution time, from
 * {@code pg_stat_statements} — when the server loads it ({@code SAGSSPOR_PG_OPTIONS="-c
 * shared_preload_libraries=pg_stat_statements"}); otherwise M3 says so and goes on without it.
 */
final class Statements {

    private Statements() {}

    /** Starts counting in the database; false if the server does not load pg_stat_statements. */
    static boolean reset(String url) {
        try (Connection connection = DriverManager.getConnection(url, "sagsspor", "");
                Statement statement = connection.createStatement()) {
            statement.execute("create extension if not exists pg_stat_statements");
            statement.execute("select pg_stat_statements_reset()");
            return true;
        } catch (SQLException e) {
            System.out.println("  no statement profile (pg_stat_statements not loaded): " + e.getMessage());
            return false;
        }
    }

    /** Writes the database's 30 costliest statements: total and mean time, calls, rows, shared blocks touched. */
    static void write(String url, String database, Path to) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "sagsspor", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        select round(s.total_exec_time::numeric, 0) as total_ms,
                               round((100 * s.total_exec_time / sum(s.total_exec_time) over ())::numeric, 1) as pct,
                               s.calls, s.rows, round(s.mean_exec_time::numeric, 3) as mean_ms,
                               s.shared_blks_hit + s.shared_blks_read + s.shared_blks_dirtied as blocks,
                               regexp_replace(s.query, '\\s+', ' ', 'g') as query
                          from pg_stat_statements s join pg_database d on d.oid = s.dbid
                         where d.datname = '%s'
                         order by s.total_exec_time desc limit 30""".formatted(database))) {
            List<String> out = new ArrayList<>();
            out.add("-- pg_stat_statements of " + database + " during M3: total ms | % | calls | rows | mean ms | blocks | query");
            while (rows.next()) {
                out.add(String.format(
                        "%8s | %5s | %8d | %9d | %8s | %9d | %s",
                        rows.getString(1),
                        rows.getString(2),
                        rows.getLong(3),
                        rows.getLong(4),
                        rows.getString(5),
                        rows.getLong(6),
                        rows.getString(7)));
            }
            Files.write(to, out);
        }
    }
}
