package dk.sagsspor.command.agendaitem;

import dk.sagsspor.command.RuleViolation;

public class AgendaItemNotDecided extends RuleViolation {

    AgendaItemNotDecided(String id) {
        super("Agenda item " + id + " has no decision to correct");
    }
}
