package dk.sagsspor.command.meeting;

import dk.sagsspor.command.RuleViolation;

public class AgendaIsEmpty extends RuleViolation {

    AgendaIsEmpty(String meetingId) {
        super("Meeting " + meetingId + " has nothing on its agenda to publish");
    }
}
