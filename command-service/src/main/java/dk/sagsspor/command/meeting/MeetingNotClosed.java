package dk.sagsspor.command.meeting;

import dk.sagsspor.command.RuleViolation;

public class MeetingNotClosed extends RuleViolation {

    MeetingNotClosed(String id, String state) {
        super("Meeting " + id + " is not closed (it is " + state + "); minutes are approved after the meeting");
    }
}
