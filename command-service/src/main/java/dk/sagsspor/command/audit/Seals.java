package dk.sagsspor.command.audit;

import dk.sagsspor.command.audit.EventChain.ChainHead;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seals the chain: records its head (position, link, how many events, when) in {@code event_seal} and publishes it to
 * the seal topic, which Kafka keeps forever — a copy outside the database that whoever can edit the event store cannot
 * edit with it. A seal Kafka did not take is published again on the next turn, in order; a seal is the same record
 * however often it is sent, so a reader keeps one per position.
 */
@Component
public class Seals {

    private static final Logger log = LoggerFactory.getLogger(Seals.class);
    private static final long SEND_TIMEOUT_SECONDS = 10;

    static final RowMapper<Seal> SEAL = (rs, n) -> new Seal(
            rs.getLong("global_index"),
            rs.getString("link"),
            rs.getLong("events"),
            rs.getTimestamp("sealed_at").toInstant());

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final EventChain chain;
    private final KafkaTemplate<String, byte[]> kafka;
    private final AuditProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final Counter published;

    Seals(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            EventChain chain,
            KafkaTemplate<String, byte[]> kafka,
            AuditProperties properties,
            JsonMapper json,
            Clock clock,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.chain = chain;
        this.kafka = kafka;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.published = Counter.builder("sagsspor.audit.seals.published")
                .description("Seals of the event chain published to Kafka")
                .register(meters);
        Gauge.builder("sagsspor.audit.seals.unpublished", this, Seals::unpublished)
                .description("Seals Kafka has not taken yet")
                .register(meters);
    }

    /** A seal: the chain's link at a position, how many events it covers, and when it was made. */
    public record Seal(long position, String link, long events, Instant sealedAt) {}

    /**
     * Extends the chain and seals its head — on demand even if the head has not moved since the last seal, on schedule
     * only if it has; then publishes what is unpublished. Answers the latest seal (none while no event is chained).
     */
    public Optional<Seal> seal(boolean always) {
        chain.extend(always);
        transactions.executeWithoutResult(tx -> {
            if (!chain.locked(always)) {
                return;
            }
            ChainHead head = chain.head();
            Optional<Seal> last = latest();
            if (head.position() == 0
                    || (!always
                            && last.map(s -> s.position() == head.position()).orElse(false))) {
                return;
            }
            jdbc.sql("""
                            insert into event_seal (global_index, link, events, sealed_at)
                            values (:position, :link, (select count(*) from event_chain where global_index <= :position),
                                    :at)""")
                    .param("position", head.position())
                    .param("link", head.link())
                    .param("at", Timestamp.from(clock.instant()))
                    .update();
        });
        publishPending();
        return latest();
    }

    /** The latest seal made. */
    public Optional<Seal> latest() {
        return jdbc.sql("select * from event_seal order by id desc limit 1")
                .query(SEAL)
                .optional();
    }

    /** Every seal made, oldest first, as the database keeps them. */
    public List<Seal> all() {
        return jdbc.sql("select * from event_seal order by id").query(SEAL).list();
    }

    /** Publishes the seals Kafka has not taken, oldest first; stops at the first it will not take. */
    public void publishPending() {
        boolean more = true;
        while (more) {
            more = Boolean.TRUE.equals(transactions.execute(tx -> {
                Optional<Long> id = jdbc.sql("""
                                select id from event_seal where published_at is null
                                 order by id limit 1 for update skip locked""").query(Long.class).optional();
                if (id.isEmpty()) {
                    return false;
                }
                Seal seal = jdbc.sql("select * from event_seal where id = :id")
                        .param("id", id.get())
                        .query(SEAL)
                        .single();
                try {
                    kafka.send(properties.sealTopic(), "seal", json.writeValueAsBytes(seal))
                            .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                } catch (Exception e) {
                    log.warn(
                            "Kafka did not take the seal at position {}; sent again next time: {}",
                            seal.position(),
                            e.toString());
                    return false;
                }
                jdbc.sql("update event_seal set published_at = :at where id = :id")
                        .param("at", Timestamp.from(clock.instant()))
                        .param("id", id.get())
                        .update();
                published.increment();
                log.info(
                        "Sealed the event chain at position {} ({} events): {}",
                        seal.position(),
                        seal.events(),
                        seal.link());
                return true;
            }));
        }
    }

    /** A seal as its JSON in the seal topic. */
    static Seal read(JsonMapper json, byte[] value) {
        return json.readValue(value, Seal.class);
    }

    private double unpublished() {
        try {
            return jdbc.sql("select count(*) from event_seal where published_at is null")
                    .query(Long.class)
                    .single();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
