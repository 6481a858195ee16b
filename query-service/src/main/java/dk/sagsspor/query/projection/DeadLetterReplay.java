package dk.sagsspor.query.projection;

import dk.sagsspor.query.web.NotFound;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Replays dead letters once their cause is fixed (a defect mended and deployed, a constraint corrected): each
 * unresolved record of a projection is applied again from its stored copy, in its aggregate's order, the way the
 * listener applies it — idempotently, with its position. A record that applies (or had been applied meanwhile) is
 * marked replayed; one that fails again stays, with the new reason, and the rest of its aggregate waits behind it.
 * Passes repeat while they make progress, so records the listener held back during the replay are taken in too.
 */
@Component
class DeadLetterReplay {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);
    private static final int MAX_PASSES = 20;

    private final DeadLetters deadLetters;
    private final Projections projections;
    private final Map<String, Projection<?>> byName;

    DeadLetterReplay(DeadLetters deadLetters, Projections projections, List<Projection<?>> all) {
        this.deadLetters = deadLetters;
        this.projections = projections;
        this.byName = all.stream().collect(Collectors.toMap(Projection::name, p -> p));
    }

    /** What a replay did: records applied, and those still failing (with their reasons, in the list of letters). */
    record Outcome(int replayed, List<DeadLetters.DeadLetter> stillUnresolved) {}

    /** Replays the unresolved dead letters of one projection, or of all when {@code projection} is null. */
    synchronized Outcome replay(String projection, String by) {
        if (projection != null && !byName.containsKey(projection)) {
            throw new NotFound("projection", projection);
        }
        int replayed = 0;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            int progress = 0;
            Set<String> blocked = new HashSet<>();
            for (DeadLetters.DeadLetter letter : deadLetters.unresolved(projection)) {
                String chain = letter.projection() + "/" + letter.aggregateId();
                Projection<?> target = byName.get(letter.projection());
                if (target == null || blocked.contains(chain)) {
                    continue;
                }
                try {
                    projections.apply(target, List.of(deadLetters.stored(letter.id())));
                    deadLetters.replayed(letter.id(), by);
                    progress++;
                    log.info(
                            "{}: replayed dead letter {} ({} of {})",
                            letter.projection(),
                            letter.id(),
                            letter.eventType(),
                            letter.aggregateId());
                } catch (RuntimeException e) {
                    Exception reason = ConsumerConfiguration.reason(e);
                    blocked.add(chain);
                    if (TransientFailures.isTransient(reason)) {
                        throw e;
                    }
                    deadLetters.failedAgain(letter.id(), reason);
                    log.warn(
                            "{}: dead letter {} failed again: {}",
                            letter.projection(),
                            letter.id(),
                            reason.getMessage());
                }
            }
            replayed += progress;
            if (progress == 0) {
                break;
            }
        }
        return new Outcome(replayed, new ArrayList<>(deadLetters.unresolved(projection)));
    }
}
