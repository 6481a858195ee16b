package dk.sagsspor.events.agendaitem;

import java.time.LocalDate;

/** A follow-up's due date moved, for a reason; its reminders count from the new date. */
public record FollowUpDueDateChanged(String agendaItemId, String followUpId, LocalDate dueDate, String reason)
        implements AgendaItemEvent {}
