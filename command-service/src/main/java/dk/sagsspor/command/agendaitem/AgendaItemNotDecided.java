package dk.sagsspor.command.agendaitem;

import dk.sagsspor.command.RuleViolation;

public class AgendaItemNotDecided extends RuleViolation {

    AgendaItemNotDecided(String id) {
        this(id, "it has no decision to correct");
    }

    AgendaItemNotDecided(String id, String why) {
        super("Agenda item " + id + " is not decided: " + why);
    }
}
