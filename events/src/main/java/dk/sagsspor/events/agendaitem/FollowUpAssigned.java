package dk.sagsspor.events.agendaitem;

import java.time.LocalDate;

/**
 * A decided item created work: a follow-up with a description, a due date (a Danish calendar day) and the staff
 * member responsible (initials from the staff directory). {@code source} quotes the text a suggested deadline was found
 * in, when the follow-up came from one; null when it was written by hand.
 */
public record FollowUpAssigned(
        String agendaItemId, String followUpId, String description, LocalDate dueDate, String assignee, String source)
        implements AgendaItemEvent {}
