package dk.sagsspor.command.meeting;

import dk.sagsspor.command.RuleViolation;

public class MeetingAlreadyOpened extends RuleViolation {

    MeetingAlreadyOpened(String id) {
        super("Meeting " + id + " has already been opened");
    }
}
