package dk.sagsspor.command.agendaitem;

import dk.sagsspor.command.RuleViolation;

public class AgendaItemAlreadyDecided extends RuleViolation {

    AgendaItemAlreadyDecided(String id) {
        super("Agenda item " + id + " is already decided; record a decision correction instead");
    }
}
