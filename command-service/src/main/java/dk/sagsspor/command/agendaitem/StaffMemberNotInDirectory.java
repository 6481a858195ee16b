package dk.sagsspor.command.agendaitem;

import dk.sagsspor.command.RuleViolation;

public class StaffMemberNotInDirectory extends RuleViolation {

    StaffMemberNotInDirectory(String initials) {
        super("No staff member with initials " + initials
                + " is in the staff directory; enter them with PUT /api/staff/" + initials + " first");
    }
}
