package dk.sagsspor.command.agendaitem;

import dk.sagsspor.command.RuleViolation;

public class AgendaItemAlreadyScheduled extends RuleViolation {

    AgendaItemAlreadyScheduled(String id, String meetingId) {
        super("Agenda item " + id + " is already on meeting " + meetingId + "; take it off that meeting first");
    }
}
