package dk.sagsspor.query.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * A follow-up as it stands when its alert is delivered, with its item and the assignee's directory entry ({@code
 * name} and {@code email} null when the directory does not know the assignee yet).
 */
record FollowUpNow(
        String id,
        String agendaItemId,
        String description,
        LocalDate dueDate,
        String assignee,
        String status,
        String source,
        String committee,
        String title,
        String caseNumber,
        boolean closedItem,
        String name,
        String email) {

    /** Whether an alert raised for this due date and assignee still concerns the follow-up. */
    boolean stillConcerns(Alert alert) {
        return "OPEN".equals(status) && dueDate.equals(alert.dueDate()) && assignee.equals(alert.assignee());
    }

    /** Why an alert no longer concerns the follow-up. */
    String whyNot(Alert alert) {
        if (!"OPEN".equals(status)) {
            return "the follow-up is " + status.toLowerCase(java.util.Locale.ROOT);
        }
        if (!dueDate.equals(alert.dueDate())) {
            return "the due date moved to " + dueDate;
        }
        return "the follow-up was reassigned to " + assignee;
    }

    static FollowUpNow from(ResultSet rs) throws SQLException {
        return new FollowUpNow(
                rs.getString("id"),
                rs.getString("agenda_item_id"),
                rs.getString("description"),
                rs.getDate("due_date").toLocalDate(),
                rs.getString("assignee"),
                rs.getString("status"),
                rs.getString("source"),
                rs.getString("committee"),
                rs.getString("title"),
                rs.getString("case_number"),
                rs.getBoolean("closed_item"),
                rs.getString("name"),
                rs.getString("email"));
    }
}
