package dk.sagsspor.command.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Sends commands with who and why attached: the actor and the request's correlation id go into the command's metadata,
 * and from there into every event it causes. Times every command ({@code sagsspor.commands}, by command and outcome).
 */
@Component
public class Commands {

    /** Until authentication exists every request is made by this actor. */
    static final String ANONYMOUS = "anonymous";

    private final CommandGateway gateway;
    private final MeterRegistry meters;

    Commands(CommandGateway gateway, MeterRegistry meters) {
        this.gateway = gateway;
        this.meters = meters;
    }

    /** Sends a command on behalf of the current request. */
    public <R> R send(Object command) {
        return sendAs(ANONYMOUS, MDC.get(CorrelationIdFilter.MDC_KEY), command);
    }

    /** Sends a command on behalf of an actor (a user, or a process such as {@code sagsspor:carry-over}). */
    public <R> R sendAs(String actor, String correlationId, Object command) {
        Map<String, Object> metaData = correlationId == null
                ? Map.of(CommandMetaData.ACTOR, actor)
                : Map.of(CommandMetaData.ACTOR, actor, CommandMetaData.CORRELATION_ID, correlationId);
        Timer.Sample sample = Timer.start(meters);
        String outcome = "rejected";
        try {
            R result = gateway.sendAndWait(
                    GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
            outcome = "accepted";
            return result;
        } finally {
            sample.stop(Timer.builder("sagsspor.commands")
                    .description("Commands handled, by command and outcome")
                    .tag("command", command.getClass().getSimpleName())
                    .tag("outcome", outcome)
                    .publishPercentileHistogram()
                    .register(meters));
        }
    }
}
