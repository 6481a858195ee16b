package dk.sagsspor.command.meeting;

import dk.sagsspor.command.RuleViolation;

public class MeetingNotOpen extends RuleViolation {

    MeetingNotOpen(String id, String state) {
        super("Meeting " + id + " is not open (it is " + state
                + "); items are discussed, decided and deferred at an open meeting");
    }
}
