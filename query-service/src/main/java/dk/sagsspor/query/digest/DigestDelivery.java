package dk.sagsspor.query.digest;

import static dk.sagsspor.query.delivery.LeasedDeliveries.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of the {@code digest} table: whose digest of which week, and how its delivery stands. {@code claim} names
 * the delivery that holds it, if any; the counts and the period are those of the digest as it went out.
 */
record DigestDelivery(
        String id,
        String initials,
        Week week,
        Instant raisedAt,
        String state,
        int attempts,
        Instant nextAttemptAt,
        @Nullable String claim,
        @Nullable String lastError,
        @Nullable String recipient,
        @Nullable Instant changesAfter,
        @Nullable Instant changesUntil,
        @Nullable Integer followUps,
        @Nullable Integer overdue,
        @Nullable Integer items,
        @Nullable Integer changes,
        @Nullable Instant sentAt) {

    static DigestDelivery from(ResultSet rs) throws SQLException {
        return new DigestDelivery(
                rs.getString("id"),
                rs.getString("initials"),
                Week.parse(rs.getString("week")),
                instant(rs.getTimestamp("raised_at")),
                rs.getString("state"),
                rs.getInt("attempts"),
                instant(rs.getTimestamp("next_attempt_at")),
                rs.getString("claim"),
                rs.getString("last_error"),
                rs.getString("recipient"),
                instant(rs.getTimestamp("changes_after")),
                instant(rs.getTimestamp("changes_until")),
                (Integer) rs.getObject("follow_ups"),
                (Integer) rs.getObject("overdue"),
                (Integer) rs.getObject("items"),
                (Integer) rs.getObject("changes"),
                instant(rs.getTimestamp("sent_at")));
    }
}
