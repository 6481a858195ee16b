package dk.sagsspor.query.alert;

import dk.sagsspor.query.followup.FollowUpReadModel;
import dk.sagsspor.query.staff.StaffDirectory;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

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

    static FollowUpNow of(FollowUpReadModel.Current followUp, StaffDirectory.@Nullable Member assignee) {
        return new FollowUpNow(
                followUp.id(),
                followUp.agendaItemId(),
                followUp.description(),
                followUp.dueDate(),
                followUp.assignee(),
                followUp.status(),
                followUp.source(),
                followUp.committee(),
                followUp.title(),
                followUp.caseNumber(),
                followUp.closedItem(),
                assignee == null ? null : assignee.name(),
                assignee == null ? null : assignee.email());
    }
}
