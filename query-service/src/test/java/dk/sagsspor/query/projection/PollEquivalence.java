package dk.sagsspor.query.projection;

import dk.sagsspor.events.SagssporEvent;
import dk.sagsspor.testsupport.RealInfrastructure;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * For the tests that a projection's poll written at once gives the rows its event-by-event path gives: one service
 * context shared by all of them, and the comparison itself.
 */
@SpringBootTest
public abstract class PollEquivalence {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "query");
    }

    @Autowired
    protected TransactionTemplate transactions;

    @Autowired
    protected JdbcClient jdbc;

    /**
     * Writes an aggregate's life event by event, and the same life of another aggregate with the events from
     * {@code firstOfPoll} as one poll ({@link Polls#writeBothWays}); then each query (one {@code ?}: the aggregate's
     * id) answers the same rows, and some, for both.
     */
    protected <E extends SagssporEvent> void assertSameRowsBothWays(
            Projection<E> projection,
            String aggregateType,
            List<? extends Function<String, ? extends E>> life,
            List<Instant> times,
            int firstOfPoll,
            List<String> queries) {
        String oneByOne = UUID.randomUUID().toString();
        String atOnce = UUID.randomUUID().toString();
        Polls.<E>writeBothWays(
                transactions,
                projection,
                aggregateType,
                life.stream().<E>map(step -> step.apply(oneByOne)).toList(),
                life.stream().<E>map(step -> step.apply(atOnce)).toList(),
                times,
                firstOfPoll);
        Polls.assertSameRows(jdbc, oneByOne, atOnce, queries);
    }
}
