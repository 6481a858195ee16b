package dk.sagsspor.command.agendaitem;

import dk.sagsspor.command.RuleViolation;

public class FollowUpAlreadyClosed extends RuleViolation {

    FollowUpAlreadyClosed(String agendaItemId, String followUpId) {
        super("Follow-up " + followUpId + " of agenda item " + agendaItemId
                + " is already completed or cancelled; assign a new one if more is to be done");
    }
}
