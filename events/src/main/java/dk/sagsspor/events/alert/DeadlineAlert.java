package dk.sagsspor.events.alert;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A staff member was alerted about a follow-up's deadline: published on the alerts topic (CloudEvents type
 * {@value #TYPE}, id = {@code alertId}, key = {@code followUpId}) for systems other than e-mail, e.g. a chat bot or the
 * case-management system. Not an event of an aggregate: the query service raises alerts from the deadlines it sees.
 *
 * <p>{@code kind} is {@code reminder} ({@code daysBefore} days before the due date: 7 and 1 by default) or {@code
 * overdue} (the day after; {@code daysBefore} is then -1). An alert is raised once per follow-up, kind, due date and
 * assignee, so a consumer may deduplicate on {@code alertId}; a moved due date or a new assignee raises new ones.
 * {@code closedItem} says the item is closed to the public (lukket punkt): consumers must not show its title to the
 * public.
 */
public record DeadlineAlert(
        String alertId,
        String kind,
        int daysBefore,
        String followUpId,
        String agendaItemId,
        String committee,
        String itemTitle,
        String caseNumber,
        boolean closedItem,
        String description,
        LocalDate dueDate,
        String assignee,
        String assigneeName,
        Instant raisedAt) {

    /** The CloudEvents type of an alert on the alerts topic. */
    public static final String TYPE = "dk.sagsspor.DeadlineAlert.v1";

    /** {@link #kind()} of a reminder before the due date. */
    public static final String REMINDER = "reminder";

    /** {@link #kind()} of the alert the day after a missed due date. */
    public static final String OVERDUE = "overdue";
}
