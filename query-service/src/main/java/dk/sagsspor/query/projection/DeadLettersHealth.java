package dk.sagsspor.query.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Health that tells the truth about the read models: {@code DEGRADED} (answered 200: the service still answers, but
 * not completely) while any projection has unresolved dead letters, with their counts by projection; {@code UP}
 * otherwise. Not part of readiness — taking the service out of the load balancer would hide the rest of its answers.
 * The gauge {@code sagsspor.projection.dead-letters.unresolved} carries the same number for alerts.
 */
@Component("deadLettersHealthIndicator")
class DeadLettersHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "Some read models miss events; see /api/admin/dead-letters");

    private final DeadLetters deadLetters;

    DeadLettersHealth(DeadLetters deadLetters, MeterRegistry meters) {
        this.deadLetters = deadLetters;
        Gauge.builder("sagsspor.projection.dead-letters.unresolved", deadLetters, DeadLettersHealth::unresolved)
                .description("Dead letters not yet replayed (open and held), over all projections")
                .register(meters);
    }

    @Override
    public Health health() {
        Map<String, Map<String, Long>> counts = deadLetters.counts();
        if (counts.isEmpty()) {
            return Health.up().withDetail("unresolved", 0).build();
        }
        return Health.status(DEGRADED).withDetail("unresolved", counts).build();
    }

    private static double unresolved(DeadLetters deadLetters) {
        try {
            return deadLetters.counts().values().stream()
                    .flatMap(byStatus -> byStatus.values().stream())
                    .mapToLong(Long::longValue)
                    .sum();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
