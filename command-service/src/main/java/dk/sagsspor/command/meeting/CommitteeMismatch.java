package dk.sagsspor.command.meeting;

import dk.sagsspor.command.RuleViolation;

public class CommitteeMismatch extends RuleViolation {

    CommitteeMismatch(String itemCommittee, String meetingCommittee) {
        super("An item of " + itemCommittee + " cannot go on a meeting of " + meetingCommittee);
    }
}
