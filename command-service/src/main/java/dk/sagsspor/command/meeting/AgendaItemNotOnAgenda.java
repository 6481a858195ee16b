package dk.sagsspor.command.meeting;

import dk.sagsspor.command.RuleViolation;

public class AgendaItemNotOnAgenda extends RuleViolation {

    AgendaItemNotOnAgenda(String meetingId, String itemId) {
        super("Agenda item " + itemId + " is not on the agenda of meeting " + meetingId);
    }
}
