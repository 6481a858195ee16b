package dk.sagsspor.query.delivery;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows waiting to be delivered — the alerts, the weekly digests — claimed so that one instance at a time delivers each
 * ({@code for update skip locked} plus a lease that outlives a crash, ADR 6), and updated only by the delivery that
 * still holds them. The table has {@code id}, {@code state} ({@code PENDING} while waiting), {@code attempts},
 * {@code next_attempt_at}, {@code claim} and {@code lease_until}.
 *
 * @param <T> a row as its feature reads it
 */
public final class LeasedDeliveries<T> {

    /** The assignments that let go of a row: the delivery no longer holds it. */
    public static final String RELEASE = ", claim = null, lease_until = null";

    private final JdbcClient jdbc;
    private final String table;
    private final RowMapper<T> rows;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong retrying = new AtomicLong();

    /**
     * The deliveries of {@code table}, with the gauges {@code <metric>.pending} and {@code <metric>.retrying} (of
     * {@code what}, in words) that {@link #backlog()} keeps up to date.
     */
    public LeasedDeliveries(
            JdbcClient jdbc, String table, RowMapper<T> rows, MeterRegistry meters, String metric, String what) {
        this.jdbc = jdbc;
        this.table = table;
        this.rows = rows;
        Gauge.builder(metric + ".pending", pending, AtomicLong::get)
                .description(what + " waiting for delivery")
                .register(meters);
        Gauge.builder(metric + ".retrying", retrying, AtomicLong::get)
                .description(what + " waiting for a further attempt after a failed delivery")
                .register(meters);
    }

    /**
     * Claims up to {@code limit} rows due for an attempt that no other delivery holds, for {@code lease}, and counts
     * the attempt. Rows another instance is claiming at this moment are skipped, not waited for.
     */
    public List<T> claim(String claim, Instant now, Duration lease, int limit) {
        return jdbc.sql("update " + table
                        + " set claim = :claim, lease_until = :leaseUntil, attempts = attempts + 1"
                        + " where id in (select id from " + table
                        + "  where state = 'PENDING' and next_attempt_at <= :now"
                        + "    and (lease_until is null or lease_until <= :now)"
                        + "  order by next_attempt_at, id limit :limit for update skip locked)"
                        + " returning *")
                .param("claim", claim)
                .param("leaseUntil", Timestamp.from(now.plus(lease)))
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(rows)
                .list();
    }

    /** Updates a row if the delivery {@code claim} still holds it; false if another one took it over. */
    public boolean update(String id, String claim, String assignments, Map<String, Object> parameters) {
        return jdbc.sql("update " + table + " set " + assignments + " where id = :id and claim = :claim")
                        .params(parameters)
                        .param("id", id)
                        .param("claim", claim)
                        .update()
                == 1;
    }

    /** Rows waiting for delivery, and how many of those have failed at least once. */
    public record Backlog(long pending, long retrying) {}

    /** The backlog now; the gauges show it from here on. */
    public Backlog backlog() {
        Backlog backlog = jdbc.sql("select count(*) as pending, count(*) filter (where attempts > 0) as retrying"
                        + " from " + table + " where state = 'PENDING'")
                .query((rs, n) -> new Backlog(rs.getLong("pending"), rs.getLong("retrying")))
                .single();
        pending.set(backlog.pending());
        retrying.set(backlog.retrying());
        return backlog;
    }

    /** An instant of a nullable timestamp column. */
    public static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
