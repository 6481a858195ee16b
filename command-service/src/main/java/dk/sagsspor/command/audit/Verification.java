package dk.sagsspor.command.audit;

import dk.sagsspor.command.audit.ChainLinks.StoredEvent;
import dk.sagsspor.command.audit.EventChain.ChainHead;
import dk.sagsspor.command.audit.Seals.Seal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recomputes the chain from the event store as it is now and compares it, event by event, with the links recorded when
 * each event was chained, and the links at the seals' positions with the seals as Kafka keeps them. Reports the first
 * place where they part and how: an event <b>changed</b> (its content hashes differently, or another event stands in
 * its place), <b>missing</b> (deleted), <b>inserted</b> (a stored event where the chain has none), <b>reordered</b>
 * (an event stands where another was, and was chained at another position), <b>chain-altered</b> (the event is as it
 * was but the recorded link is not), or <b>seal-mismatch</b> (store and chain agree, but not with a published seal:
 * both were rewritten).
 */
@Component
public class Verification {

    private static final Logger log = LoggerFactory.getLogger(Verification.class);
    private static final Duration KAFKA_PATIENCE = Duration.ofSeconds(10);
    private static final int FETCH_SIZE = 10_000;

    private final JdbcTemplate streaming;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final EventChain chain;
    private final Seals seals;
    private final ConsumerFactory<?, ?> consumers;
    private final AuditProperties properties;
    private final JsonMapper json;

    Verification(
            DataSource dataSource,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            EventChain chain,
            Seals seals,
            ConsumerFactory<?, ?> consumers,
            AuditProperties properties,
            JsonMapper json) {
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(FETCH_SIZE);
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.chain = chain;
        this.seals = seals;
        this.consumers = consumers;
        this.properties = properties;
        this.json = json;
    }

    /** Where the chain and the store part: the position, the event there (or that was there), how, and in words. */
    public record ChainBreak(long position, String eventIdentifier, String kind, String detail) {}

    /** The seals compared: where they were read from ({@code kafka}, or {@code database} while Kafka is away). */
    public record SealsCompared(String source, int compared, int agreeing) {}

    /**
     * The answer: intact or not over {@code [from, to]}, how many events were compared, the chain's head, how many
     * stored events are not chained yet (younger than the settle time), the first break, the last seal that agrees.
     */
    public record ChainVerification(
            boolean intact,
            long from,
            long to,
            long eventsVerified,
            ChainHead chainHead,
            long unchained,
            @Nullable ChainBreak firstBreak,
            @Nullable Seal lastAgreeingSeal,
            SealsCompared seals) {}

    /** Verifies the chain over the positions {@code from}..{@code to} (null: from the first, to the chain's head). */
    public ChainVerification verify(@Nullable Long from, @Nullable Long to) {
        ChainHead head = chain.head();
        long first = from == null ? 1 : Math.max(1, from);
        long last = to == null ? head.position() : Math.min(to, head.position());
        SealSource sealSource = publishedSeals();
        Map<Long, Seal> sealsAt = new TreeMap<>();
        sealSource.seals().forEach(seal -> sealsAt.putIfAbsent(seal.position(), seal));
        Walk walk = new Walk(linkBefore(first), sealsAt);
        if (first <= last) {
            transactions.executeWithoutResult(tx -> streaming.query(
                    """
                    select coalesce(e.globalindex, c.global_index) as position, e.globalindex, e.eventidentifier,
                           e.type, e.aggregateidentifier, e.sequencenumber, e.payloadtype, e.payloadrevision,
                           e.timestamp, e.payload, e.metadata,
                           c.event_identifier as chained_identifier, c.content_hash, c.link
                      from (select * from domainevententry where globalindex between ? and ?) e
                      full join (select * from event_chain where global_index between ? and ?) c
                        on c.global_index = e.globalindex
                     order by position""",
                    rs -> {
                        if (walk.firstBreak == null) {
                            walk.step(rs);
                        }
                    },
                    first,
                    last,
                    first,
                    last));
        }
        long unchained = jdbc.sql("select count(*) from domainevententry where globalindex > :head")
                .param("head", head.position())
                .query(Long.class)
                .single();
        Seal agreeing = null;
        int compared = 0;
        int agreeingCount = 0;
        for (Seal seal : sealsAt.values()) {
            String recomputed = walk.linksAtSeals.get(seal.position());
            if (recomputed == null) {
                continue;
            }
            compared++;
            if (recomputed.equals(seal.link())) {
                agreeingCount++;
                agreeing = seal;
            } else if (walk.firstBreak == null) {
                walk.firstBreak = new ChainBreak(
                        seal.position(),
                        walk.identifierAt(seal.position()),
                        "seal-mismatch",
                        "the store and the chain agree with each other but not with the seal made at " + seal.sealedAt()
                                + ": the link there was " + seal.link() + ", it is now " + recomputed);
            }
        }
        if (walk.firstBreak != null) {
            long breakAt = walk.firstBreak.position();
            agreeing = sealsAt.values().stream()
                    .filter(seal -> seal.position() < breakAt)
                    .filter(seal -> seal.link().equals(walk.linksAtSeals.get(seal.position())))
                    .reduce((a, b) -> b)
                    .orElse(null);
        }
        return new ChainVerification(
                walk.firstBreak == null,
                first,
                last,
                walk.verified,
                head,
                unchained,
                walk.firstBreak,
                agreeing,
                new SealsCompared(sealSource.source(), compared, agreeingCount));
    }

    /** The recorded link before {@code position}: where a verification from there starts. */
    private String linkBefore(long position) {
        return jdbc.sql("""
                        select link from event_chain where global_index < :position
                         order by global_index desc limit 1""")
                .param("position", position)
                .query(String.class)
                .optional()
                .orElse(ChainLinks.GENESIS);
    }

    /** The walk along the joined rows, remembering the recomputed link at every seal's position. */
    private final class Walk {

        private final Map<Long, Seal> sealsAt;
        private final Map<Long, String> linksAtSeals = new HashMap<>();
        private final Map<Long, String> identifiers = new HashMap<>();
        private String link;
        private long verified;
        private @Nullable ChainBreak firstBreak;

        Walk(String link, Map<Long, Seal> sealsAt) {
            this.link = link;
            this.sealsAt = sealsAt;
        }

        void step(ResultSet rs) throws SQLException {
            long position = rs.getLong("position");
            String chained = rs.getString("chained_identifier");
            rs.getLong("globalindex");
            boolean stored = !rs.wasNull();
            if (!stored) {
                firstBreak = new ChainBreak(
                        position, chained, "missing", "the event chained here is no longer in the store");
                return;
            }
            StoredEvent event = EventChain.STORED.mapRow(rs, 0);
            if (chained == null) {
                firstBreak = new ChainBreak(
                        position,
                        event.eventIdentifier(),
                        "inserted",
                        "a stored event stands where the chain has none (the place was empty when it was chained)");
                return;
            }
            String content = ChainLinks.contentHash(event);
            if (!chained.equals(event.eventIdentifier())) {
                Long chainedAt = jdbc.sql("select global_index from event_chain where event_identifier = :id")
                        .param("id", event.eventIdentifier())
                        .query(Long.class)
                        .optional()
                        .orElse(null);
                firstBreak = chainedAt == null
                        ? new ChainBreak(
                                position,
                                chained,
                                "changed",
                                "another event (" + event.eventIdentifier() + ") stands in the place of this one")
                        : new ChainBreak(
                                position,
                                event.eventIdentifier(),
                                "reordered",
                                "this event was chained at position " + chainedAt + "; here stood " + chained);
                return;
            }
            if (!content.equals(rs.getString("content_hash"))) {
                firstBreak = new ChainBreak(
                        position, chained, "changed", "the event's content is not what it was when it was chained");
                return;
            }
            link = ChainLinks.link(link, content);
            if (!link.equals(rs.getString("link"))) {
                firstBreak = new ChainBreak(
                        position,
                        chained,
                        "chain-altered",
                        "the event is as it was, but the link recorded for it is not the one it makes");
                return;
            }
            verified++;
            if (sealsAt.containsKey(position)) {
                linksAtSeals.put(position, link);
                identifiers.put(position, chained);
            }
        }

        String identifierAt(long position) {
            return identifiers.get(position);
        }
    }

    private record SealSource(String source, List<Seal> seals) {}

    /** The seals as Kafka keeps them; the database's while Kafka does not answer (and said so). */
    private SealSource publishedSeals() {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        overrides.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (Consumer<?, ?> consumer = consumers.createConsumer(null, "sagsspor-audit", null, overrides)) {
            List<PartitionInfo> partitions = consumer.partitionsFor(properties.sealTopic(), KAFKA_PATIENCE);
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, KAFKA_PATIENCE);
            List<Seal> found = new ArrayList<>();
            long deadline = System.nanoTime() + KAFKA_PATIENCE.toNanos();
            while (assigned.stream().anyMatch(p -> consumer.position(p, KAFKA_PATIENCE) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the seal topic was not read to its end in " + KAFKA_PATIENCE);
                }
                for (ConsumerRecord<?, ?> record : consumer.poll(Duration.ofMillis(200))) {
                    found.add(Seals.read(json, (byte[]) record.value()));
                }
            }
            return new SealSource("kafka", found);
        } catch (RuntimeException e) {
            log.warn("The seals were read from the database: Kafka did not give them ({})", e.toString());
            return new SealSource("database", seals.all());
        }
    }
}
