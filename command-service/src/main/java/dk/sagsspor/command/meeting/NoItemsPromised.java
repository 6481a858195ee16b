package dk.sagsspor.command.meeting;

import dk.sagsspor.command.RuleViolation;

public class NoItemsPromised extends RuleViolation {

    NoItemsPromised(String meetingId) {
        super("A promise for the next meeting of " + meetingId + " must name at least one item, none of them blank");
    }
}
