package dk.sagsspor.command.meeting;

import dk.sagsspor.command.RuleViolation;

public class MeetingAlreadyClosed extends RuleViolation {

    MeetingAlreadyClosed(String id) {
        super("Meeting " + id + " is closed");
    }
}
