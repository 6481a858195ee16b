package dk.sagsspor.command.security;

import dk.sagsspor.command.NewForCommittee;
import dk.sagsspor.events.agendaitem.AgendaItemProposed;
import dk.sagsspor.events.meeting.MeetingScheduled;
import dk.sagsspor.web.security.ApiSecurity;
import dk.sagsspor.web.security.Roles;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * A secretary changes only their own committee's meetings and items. A new meeting or item names its committee; an
 * existing one has it in its first event, which the event store keeps for ever (a committee never changes), so the
 * check reads it there through Axon's event store — no copy to keep in step, no parsing of its tables — and remembers
 * it. Commands on aggregates without a committee (the staff directory) are guarded by role alone, and a command on an
 * id nobody knows goes on to be answered 404.
 */
@Component
public class CommitteeAccess {

    /** How many aggregates' committees are remembered (a committee never changes); beyond that, forgotten at once. */
    private static final int MAX_REMEMBERED = 100_000;

    private final EventStore eventStore;
    private final Map<String, String> committees = new ConcurrentHashMap<>();
    private final AnnotationCommandTargetResolver targets =
            AnnotationCommandTargetResolver.builder().build();

    CommitteeAccess(EventStore eventStore) {
        this.eventStore = eventStore;
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
        if (committee != null && !Roles.actsFor(ApiSecurity.authorities(user), committee)) {
            throw new NotYourCommittee(user.getName(), committee);
        }
    }

    /** Refuses unless the current user is a secretary of the committee. */
    public void checkCommittee(String committee) {
        Authentication user = currentUser();
        if (!Roles.actsFor(ApiSecurity.authorities(user), committee)) {
            throw new NotYourCommittee(user.getName(), committee);
        }
    }

    private String committeeOf(Object command) {
        if (command instanceof NewForCommittee created) {
            return created.committee();
        }
        String target = targets.resolveTarget(GenericCommandMessage.asCommandMessage(command))
                .getIdentifier();
        String known = committees.get(target);
        if (known != null) {
            return known;
        }
        // the aggregate's first event, read through the event store (upcast and deserialised as the aggregate reads
        // it), not from its table: a proposal or a scheduling names the committee; other aggregates have none
        DomainEventStream events = eventStore.readEvents(target, 0);
        String committee = !events.hasNext()
                ? null
                : switch (events.next().getPayload()) {
                    case AgendaItemProposed proposed -> proposed.committee();
                    case MeetingScheduled scheduled -> scheduled.committee();
                    default -> null;
                };
        if (committee != null) {
            if (committees.size() >= MAX_REMEMBERED) {
                committees.clear();
            }
            committees.put(target, committee);
        }
        return committee;
    }
}
