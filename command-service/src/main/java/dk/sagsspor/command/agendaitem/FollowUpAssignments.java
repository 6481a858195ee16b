package dk.sagsspor.command.agendaitem;

import dk.sagsspor.command.VersionedCommand;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.AssignFollowUp;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.ReassignFollowUp;
import dk.sagsspor.command.staff.StaffMember;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * The follow-up commands that name a staff member: the assignee must be in the staff directory, so the item and the
 * directory entry are loaded in one unit of work.
 */
@Component
class FollowUpAssignments {

    private final Repository<AgendaItem> items;
    private final Repository<StaffMember> staff;

    FollowUpAssignments(Repository<AgendaItem> items, Repository<StaffMember> staff) {
        this.items = items;
        this.staff = staff;
    }

    @CommandHandler
    long handle(AssignFollowUp command) {
        Aggregate<AgendaItem> item = load(command.agendaItemId(), command);
        requireInDirectory(command.assignee());
        item.execute(i -> i.assignFollowUp(
                command.followUpId(), command.description(), command.dueDate(), command.assignee(), command.source()));
        return item.version();
    }

    @CommandHandler
    long handle(ReassignFollowUp command) {
        Aggregate<AgendaItem> item = load(command.agendaItemId(), command);
        requireInDirectory(command.assignee());
        item.execute(i -> i.reassignFollowUp(command.followUpId(), command.assignee()));
        return item.version();
    }

    private Aggregate<AgendaItem> load(String agendaItemId, VersionedCommand command) {
        return VersionedCommand.loadExpected(items, agendaItemId, command);
    }

    private void requireInDirectory(String initials) {
        try {
            staff.load(initials);
        } catch (AggregateNotFoundException e) {
            throw new StaffMemberNotInDirectory(initials);
        }
    }
}
