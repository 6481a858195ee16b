package dk.sagsspor.command.agendaitem;

import dk.sagsspor.command.RuleViolation;

public class AgendaItemNotOnAMeeting extends RuleViolation {

    AgendaItemNotOnAMeeting(String id, String status) {
        super("Agenda item " + id + " is not on a meeting (it is " + status + "); schedule it on a meeting first");
    }
}
