package dk.sagsspor.command.web;

import dk.sagsspor.command.security.CommitteeAccess;
import dk.sagsspor.web.CorrelationIdFilter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Sends commands with who and why attached: the actor (the authenticated user, or a process) and the request's
 * correlation id go into the command's metadata, and from there into every event it causes; no header or body field
 * can name another actor. Times every command ({@code sagsspor.commands}, by command and outcome).
 */
@Component
public class Commands {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Commands.class);

    private final CommandGateway gateway;
    private final MeterRegistry meters;
    private final CommitteeAccess access;
    /** The two timers (accepted, rejected) of each command type, registered once rather than looked up per command. */
    private final ClassValue<Timer[]> timers = new ClassValue<>() {
        @Override
        protected Timer[] computeValue(Class<?> command) {
            return new Timer[] {timer(command, "accepted"), timer(command, "rejected")};
        }
    };

    Commands(CommandGateway gateway, MeterRegistry meters, CommitteeAccess access) {
        this.gateway = gateway;
        this.meters = meters;
        this.access = access;
    }

    private Timer timer(Class<?> command, String outcome) {
        return Timer.builder("sagsspor.commands")
                .description("Commands handled, by command and outcome")
                .tag("command", command.getSimpleName())
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(meters);
    }

    /** Sends a command on an existing resource and answers its new version (body and ETag). */
    public org.springframework.http.ResponseEntity<Versions.Accepted> write(String id, Object command) {
        Long version = send(command);
        return Versions.accepted(id, version);
    }

    /**
     * Sends a command on behalf of the current request's authenticated user, who becomes its actor, after checking
     * that the user may change the committee's meetings and items.
     */
    public <R> R send(Object command) {
        return send((java.time.Instant) null, command);
    }

    /**
     * Sends a command as {@link #send(Object)} does, recording history after the fact: its events carry
     * {@code occurredAt} as their business time ({@link CommandMetaData#OCCURRED_AT}); null for now.
     */
    public <R> R send(java.time.Instant occurredAt, Object command) {
        access.check(command);
        return sendAs(
                CommitteeAccess.currentUser().getName(), MDC.get(CorrelationIdFilter.MDC_KEY), command, occurredAt);
    }

    /** Sends a command on behalf of an actor (a user, or a process such as {@code sagsspor:carry-over}). */
    public <R> R sendAs(String actor, String correlationId, Object command) {
        return sendAs(actor, correlationId, command, null);
    }

    private <R> R sendAs(String actor, String correlationId, Object command, java.time.Instant occurredAt) {
        ControlCharacters.check(command);
        Map<String, Object> metaData = new java.util.HashMap<>();
        metaData.put(CommandMetaData.ACTOR, actor);
        if (correlationId != null) {
            metaData.put(CommandMetaData.CORRELATION_ID, correlationId);
        }
        if (occurredAt != null) {
            metaData.put(CommandMetaData.OCCURRED_AT, occurredAt.toString());
        }
        String previousCorrelationId = MDC.get(CorrelationIdFilter.MDC_KEY);
        if (correlationId != null) {
            MDC.put(CorrelationIdFilter.MDC_KEY, correlationId);
        }
        long start = System.nanoTime();
        boolean accepted = false;
        try {
            R result = gateway.sendAndWait(
                    GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
            accepted = true;
            return result;
        } finally {
            long nanos = System.nanoTime() - start;
            timers.get(command.getClass())[accepted ? 0 : 1].record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
            // an accepted command is in the event store and on the topic with its actor and correlation id; a refusal
            // is worth a line of its own
            if (!accepted || log.isDebugEnabled()) {
                log.atLevel(accepted ? org.slf4j.event.Level.DEBUG : org.slf4j.event.Level.INFO)
                        .log(
                                "{} {} for {} in {} ms",
                                command.getClass().getSimpleName(),
                                accepted ? "accepted" : "rejected",
                                actor,
                                java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(nanos));
            }
            if (previousCorrelationId == null) {
                MDC.remove(CorrelationIdFilter.MDC_KEY);
            } else {
                MDC.put(CorrelationIdFilter.MDC_KEY, previousCorrelationId);
            }
        }
    }
}
