package dk.sagsspor.command.meeting;

import dk.sagsspor.command.RuleViolation;

public class AgendaItemAlreadyOnAgenda extends RuleViolation {

    AgendaItemAlreadyOnAgenda(String meetingId, String itemId) {
        super("Agenda item " + itemId + " is already on the agenda of meeting " + meetingId);
    }
}
