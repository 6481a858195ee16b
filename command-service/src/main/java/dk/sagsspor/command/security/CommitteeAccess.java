package dk.sagsspor.command.security;

import dk.sagsspor.command.agendaitem.AgendaItemCommands.ProposeAgendaItem;
import dk.sagsspor.command.meeting.MeetingCommands.ScheduleMeeting;
import dk.sagsspor.events.access.Roles;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * A secretary changes only their own committee's meetings and items. A new meeting or item names its committee; an
 * existing one has it in its first event, which the event store keeps for ever (a committee never changes), so the
 * check reads it there — no copy to keep in step. Commands on aggregates without a committee (the staff directory) are
 * guarded by role alone, and a command on an id nobody knows goes on to be answered 404.
 */
@Component
public class CommitteeAccess {

    private final JdbcClient jdbc;
    private final AnnotationCommandTargetResolver targets =
            AnnotationCommandTargetResolver.builder().build();

    CommitteeAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The authenticated user of the current request, who becomes the actor of what it causes. */
    public static Authentication currentUser() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated()) {
            throw new IllegalStateException("No authenticated user for a request's command");
        }
        return user;
    }

    /** Refuses the command unless the current user is a secretary of the committee it concerns. */
    public void check(Object command) {
        String committee = committeeOf(command);
        Authentication user = currentUser();
        if (committee != null && !Roles.actsFor(SecurityConfiguration.authorities(user), committee)) {
            throw new NotYourCommittee(user.getName(), committee);
        }
    }

    /** Refuses unless the current user is a secretary of the committee. */
    public void checkCommittee(String committee) {
        Authentication user = currentUser();
        if (!Roles.actsFor(SecurityConfiguration.authorities(user), committee)) {
            throw new NotYourCommittee(user.getName(), committee);
        }
    }

    private String committeeOf(Object command) {
        if (command instanceof ProposeAgendaItem propose) {
            return propose.committee();
        }
        if (command instanceof ScheduleMeeting schedule) {
            return schedule.committee();
        }
        String target = targets.resolveTarget(GenericCommandMessage.asCommandMessage(command))
                .getIdentifier();
        return jdbc.sql("""
                        select convert_from(payload, 'UTF8')::jsonb ->> 'committee' from domainevententry
                         where aggregateidentifier = :id and sequencenumber = 0""").param("id", target).query(String.class).optional().orElse(null);
    }
}
