package dk.sagsspor.query.alert;

import static dk.sagsspor.query.delivery.LeasedDeliveries.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One alert row: for which follow-up, due date, lead ({@code daysBefore}, -1 for overdue) and assignee it was raised,
 * and how its delivery stands. {@code claim} names the delivery that holds it, if any.
 */
record Alert(
        String id,
        String followUpId,
        LocalDate dueDate,
        int daysBefore,
        String assignee,
        Instant raisedAt,
        String state,
        int attempts,
        Instant nextAttemptAt,
        String claim,
        String lastError,
        String recipient,
        Instant mailedAt,
        Instant publishedAt,
        Instant sentAt) {

    static final int OVERDUE = -1;

    boolean isOverdue() {
        return daysBefore == OVERDUE;
    }

    /** {@code reminder} or {@code overdue}, as the API and the alerts topic name it. */
    String kind() {
        return isOverdue() ? "overdue" : "reminder";
    }

    static Alert from(ResultSet rs) throws SQLException {
        return new Alert(
                rs.getString("id"),
                rs.getString("follow_up_id"),
                rs.getDate("due_date").toLocalDate(),
                rs.getInt("days_before"),
                rs.getString("assignee"),
                instant(rs.getTimestamp("raised_at")),
                rs.getString("state"),
                rs.getInt("attempts"),
                instant(rs.getTimestamp("next_attempt_at")),
                rs.getString("claim"),
                rs.getString("last_error"),
                rs.getString("recipient"),
                instant(rs.getTimestamp("mailed_at")),
                instant(rs.getTimestamp("published_at")),
                instant(rs.getTimestamp("sent_at")));
    }
}
