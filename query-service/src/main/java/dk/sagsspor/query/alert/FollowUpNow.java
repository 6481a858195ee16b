package dk.sagsspor.query.alert;

import dk.sagsspor.query.followup.FollowUpReadModel;
import dk.sagsspor.query.staff.StaffDirectory;
import org.jspecify.annotations.Nullable;

/**
 * A follow-up as it stands when its alert is delivered, with its item and the assignee's directory entry ({@code
 * name} and {@code email} null when the directory does not know the assignee yet).
 */
record FollowUpNow(
        FollowUpReadModel.Current current,
        @Nullable String name,
        @Nullable String email) {

    /** Whether an alert raised for this due date and assignee still concerns the follow-up. */
    boolean stillConcerns(Alert alert) {
        return "OPEN".equals(current.status())
                && current.dueDate().equals(alert.dueDate())
                && current.assignee().equals(alert.assignee());
    }

    /** Why an alert no longer concerns the follow-up. */
    String whyNot(Alert alert) {
        if (!"OPEN".equals(current.status())) {
            return "the follow-up is " + current.status().toLowerCase(java.util.Locale.ROOT);
        }
        if (!current.dueDate().equals(alert.dueDate())) {
            return "the due date moved to " + current.dueDate();
        }
        return "the follow-up was reassigned to " + current.assignee();
    }

    static FollowUpNow of(FollowUpReadModel.Current followUp, StaffDirectory.@Nullable Member assignee) {
        return new FollowUpNow(
                followUp, assignee == null ? null : assignee.name(), assignee == null ? null : assignee.email());
    }
}
