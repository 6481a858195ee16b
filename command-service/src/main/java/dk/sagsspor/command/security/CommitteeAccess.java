package dk.sagsspor.command.security;

import dk.sagsspor.command.NewForCommittee;
import dk.sagsspor.web.security.ApiSecurity;
import dk.sagsspor.web.security.Roles;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A secretary changes only their own committee's meetings and items. A new meeting or item names its committee; an
 * existing one has it in its first event, which the event store keeps for ever (a committee never changes), so the
 * check reads it there — no copy to keep in step — and remembers it. The payload is parsed here, not by PostgreSQL:
 * its {@code jsonb} refuses text that Java and JSON allow (an escaped U+0000 in an event recorded before such text was
 * refused at the edge made every later command on that item a 500). Commands on aggregates without a committee (the staff directory) are
 * guarded by role alone, and a command on an id nobody knows goes on to be answered 404.
 */
@Component
public class CommitteeAccess {

    /** How many aggregates' committees are remembered (a committee never changes); beyond that, forgotten at once. */
    private static final int MAX_REMEMBERED = 100_000;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Map<String, String> committees = new ConcurrentHashMap<>();
    private final AnnotationCommandTargetResolver targets =
            AnnotationCommandTargetResolver.builder().build();

    CommitteeAccess(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
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
        String committee = jdbc.sql("""
                        select payload from domainevententry where aggregateidentifier = :id and sequencenumber = 0""")
                .param("id", target)
                .query((rs, n) ->
                        json.readTree(rs.getBytes(1)).path("committee").asString(null))
                .optional()
                .orElse(null);
        if (committee != null) {
            if (committees.size() >= MAX_REMEMBERED) {
                committees.clear();
            }
            committees.put(target, committee);
        }
        return committee;
    }
}
