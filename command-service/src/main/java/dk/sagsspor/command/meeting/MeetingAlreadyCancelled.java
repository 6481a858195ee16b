package dk.sagsspor.command.meeting;

import dk.sagsspor.command.RuleViolation;

public class MeetingAlreadyCancelled extends RuleViolation {

    MeetingAlreadyCancelled(String id) {
        super("Meeting " + id + " is cancelled");
    }
}
