package dk.sagsspor.command.meeting;

import dk.sagsspor.command.RuleViolation;

public class AgendaOrderMismatch extends RuleViolation {

    AgendaOrderMismatch(String meetingId) {
        super("The new order must list every item on the agenda of meeting " + meetingId + " exactly once");
    }
}
