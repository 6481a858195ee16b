package dk.sagsspor.command.meeting;

import dk.sagsspor.command.RuleViolation;

public class AgendaNumberTaken extends RuleViolation {

    AgendaNumberTaken(String meetingId, String number) {
        super("Number " + number + " is already used on the agenda of meeting " + meetingId);
    }
}
