package dk.sagsspor.command.meeting;

import dk.sagsspor.command.RuleViolation;

public class MinutesAlreadyApproved extends RuleViolation {

    MinutesAlreadyApproved(String id) {
        super("The minutes of meeting " + id + " are already approved");
    }
}
