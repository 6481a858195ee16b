package dk.sagsspor.command.agendaitem;

import dk.sagsspor.command.RuleViolation;

public class AgendaItemAlreadyWithdrawn extends RuleViolation {

    AgendaItemAlreadyWithdrawn(String id) {
        super("Agenda item " + id + " was withdrawn and takes no more lifecycle commands");
    }
}
