package dk.sagsspor.command.audit;

import dk.sagsspor.command.audit.ChainLinks.StoredEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the hash chain over the event store (see {@link ChainLinks}): reads the events stored since its head in global
 * order and appends their links to {@code event_chain}. One instance at a time extends it (a transaction-scoped
 * advisory lock; the others skip that turn). An event is chained once it is older than {@code settle}, so that a
 * transaction still committing an earlier global index is not passed over; a gap older than that is a rolled-back
 * transaction's, and stays a gap.
 */
@Component
public class EventChain {

    /** The advisory lock that makes one instance at a time extend the chain or seal it ("chain" in ASCII). */
    static final long LOCK = 0x636861696eL;

    static final String COLUMNS = """
            globalindex, eventidentifier, type, aggregateidentifier, sequencenumber, payloadtype, payloadrevision,
            timestamp, payload, metadata""";

    static final RowMapper<StoredEvent> STORED = (rs, n) -> new StoredEvent(
            rs.getLong("globalindex"),
            rs.getString("eventidentifier"),
            rs.getString("type"),
            rs.getString("aggregateidentifier"),
            rs.getLong("sequencenumber"),
            rs.getString("payloadtype"),
            rs.getString("payloadrevision"),
            rs.getString("timestamp"),
            rs.getBytes("payload"),
            rs.getBytes("metadata"));

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditProperties properties;
    private final Clock clock;
    private final Counter chained;

    EventChain(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            AuditProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.chained = Counter.builder("sagsspor.audit.chained")
                .description("Events appended to the hash chain")
                .register(meters);
    }

    /** The chain's last link and its position; none before the first event is chained. */
    public record ChainHead(long position, String link) {

        static final ChainHead EMPTY = new ChainHead(0, ChainLinks.GENESIS);
    }

    /**
     * Chains every settled event stored since the head; answers how many. With {@code wait}, waits for an instance
     * that is extending it (a seal on demand must cover what is stored); without, leaves the turn to it.
     */
    public int extend(boolean wait) {
        int total = 0;
        int step;
        do {
            Integer done = transactions.execute(tx -> locked(wait) ? extendOnce() : 0);
            step = done == null ? 0 : done;
            total += step;
        } while (step == properties.batchSize());
        return total;
    }

    /** The chain's head as it is now. */
    public ChainHead head() {
        return jdbc.sql("select global_index, link from event_chain order by global_index desc limit 1")
                .query((rs, n) -> new ChainHead(rs.getLong(1), rs.getString(2)))
                .optional()
                .orElse(ChainHead.EMPTY);
    }

    /** Takes this transaction's advisory lock: waiting for another instance to let go, or only if none holds it. */
    boolean locked(boolean wait) {
        if (wait) {
            jdbc.sql("select pg_advisory_xact_lock(:lock)")
                    .param("lock", LOCK)
                    .query()
                    .singleRow();
            return true;
        }
        return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(:lock)")
                .param("lock", LOCK)
                .query(Boolean.class)
                .single());
    }

    private int extendOnce() {
        ChainHead head = head();
        Instant settled = clock.instant().minus(properties.settle());
        List<StoredEvent> events = jdbc.sql("select " + COLUMNS
                        + " from domainevententry where globalindex > :after order by globalindex limit :batch")
                .param("after", head.position())
                .param("batch", properties.batchSize())
                .query(STORED)
                .list();
        List<Object[]> links = new ArrayList<>();
        ChainLinks.Hasher hasher = new ChainLinks.Hasher();
        String link = head.link();
        for (StoredEvent event : events) {
            if (storedAt(event).map(at -> at.isAfter(settled)).orElse(false)) {
                break;
            }
            String content = hasher.contentHash(event);
            link = hasher.link(link, content);
            links.add(new Object[] {event.globalIndex(), event.eventIdentifier(), content, link});
        }
        if (links.isEmpty()) {
            return 0;
        }
        jdbc.sql("""
                        insert into event_chain (global_index, event_identifier, content_hash, link)
                        select * from unnest(cast(:positions as bigint[]), cast(:identifiers as text[]),
                                             cast(:contents as text[]), cast(:links as text[]))""")
                .param("positions", links.stream().map(l -> (Long) l[0]).toArray(Long[]::new))
                .param("identifiers", links.stream().map(l -> (String) l[1]).toArray(String[]::new))
                .param("contents", links.stream().map(l -> (String) l[2]).toArray(String[]::new))
                .param("links", links.stream().map(l -> (String) l[3]).toArray(String[]::new))
                .update();
        chained.increment(links.size());
        return links.size();
    }

    /** When the event was stored, as its timestamp says; none if it cannot be read (it is chained as it is). */
    private static Optional<Instant> storedAt(StoredEvent event) {
        try {
            return Optional.of(Instant.parse(event.timestamp()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
