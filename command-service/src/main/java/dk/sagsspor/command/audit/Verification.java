package dk.sagsspor.command.audit;

import dk.sagsspor.command.audit.ChainLinks.StoredEvent;
import dk.sagsspor.command.audit.EventChain.ChainHead;
import dk.sagsspor.command.audit.Seals.Seal;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
import org.postgresql.PGStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;
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

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final EventChain chain;
    private final Seals seals;
    private final ConsumerFactory<?, ?> consumers;
    private final AuditProperties properties;
    private final JsonMapper json;

    Verification(
            DataSource dataSource,
            JdbcClient jdbc,
            EventChain chain,
            Seals seals,
            ConsumerFactory<?, ?> consumers,
            AuditProperties properties,
            JsonMapper json) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
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
            walkAlong(walk, first, last);
        }
        long unchained = jdbc.sql("select count(*) from domainevententry where globalindex > :head")
                .param("head", head.position())
                .query(Long.class)
                .single();
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
            } else if (walk.firstBreak == null) {
                walk.firstBreak = new ChainBreak(
                        seal.position(),
                        walk.identifierAt(seal.position()),
                        "seal-mismatch",
                        "the store and the chain agree with each other but not with the seal made at " + seal.sealedAt()
                                + ": the link there was " + seal.link() + ", it is now " + recomputed);
            }
        }
        long breakAt = walk.firstBreak == null ? Long.MAX_VALUE : walk.firstBreak.position();
        Seal agreeing = sealsAt.values().stream()
                .filter(seal -> seal.position() < breakAt)
                .filter(seal -> seal.link().equals(walk.linksAtSeals.get(seal.position())))
                .reduce((a, b) -> b)
                .orElse(null);
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

    /**
     * Walks the store and the chain side by side in global order, each read by its primary key in one snapshot
     * (repeatable read, two cursors on one connection), until the first break.
     */
    private void walkAlong(Walk walk, long first, long last) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (PreparedStatement stored = connection.prepareStatement("select " + EventChain.COLUMNS
                            + " from domainevententry where globalindex between ? and ? order by globalindex");
                    PreparedStatement chained = connection.prepareStatement("""
                            select global_index, event_identifier, content_hash, link from event_chain
                             where global_index between ? and ? order by global_index""")) {
                for (PreparedStatement statement : List.of(stored, chained)) {
                    statement.setFetchSize(FETCH_SIZE);
                    // prepared on the server at once, so that the bytes come as bytes, not as hex text to decode
                    statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
                    statement.setLong(1, first);
                    statement.setLong(2, last);
                }
                try (ResultSet store = stored.executeQuery();
                        ResultSet chain = chained.executeQuery()) {
                    boolean inStore = store.next();
                    boolean inChain = chain.next();
                    while ((inStore || inChain) && walk.firstBreak == null) {
                        long storePosition = inStore ? store.getLong("globalindex") : Long.MAX_VALUE;
                        long chainPosition = inChain ? chain.getLong("global_index") : Long.MAX_VALUE;
                        if (storePosition == chainPosition) {
                            walk.both(
                                    EventChain.STORED.mapRow(store, 0),
                                    chain.getString("event_identifier"),
                                    chain.getString("content_hash"),
                                    chain.getString("link"));
                            inStore = store.next();
                            inChain = chain.next();
                        } else if (storePosition < chainPosition) {
                            walk.inserted(EventChain.STORED.mapRow(store, 0));
                        } else {
                            walk.missing(chainPosition, chain.getString("event_identifier"));
                        }
                    }
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new DataRetrievalFailureException("Could not read the event store and the chain", e);
        }
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
        private final ChainLinks.Hasher hasher = new ChainLinks.Hasher();
        private String link;
        private long verified;
        private @Nullable ChainBreak firstBreak;

        Walk(String link, Map<Long, Seal> sealsAt) {
            this.link = link;
            this.sealsAt = sealsAt;
        }

        /** A place the chain has and the store does not. */
        void missing(long position, String chained) {
            firstBreak =
                    new ChainBreak(position, chained, "missing", "the event chained here is no longer in the store");
        }

        /** A stored event where the chain has none. */
        void inserted(StoredEvent event) {
            firstBreak = new ChainBreak(
                    event.globalIndex(),
                    event.eventIdentifier(),
                    "inserted",
                    "a stored event stands where the chain has none (the place was empty when it was chained)");
        }

        /** A place both have: the same event, as it was, making the link recorded for it. */
        void both(StoredEvent event, String chained, String contentHash, String recordedLink) {
            long position = event.globalIndex();
            String content = hasher.contentHash(event);
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
            if (!content.equals(contentHash)) {
                firstBreak = new ChainBreak(
                        position, chained, "changed", "the event's content is not what it was when it was chained");
                return;
            }
            link = hasher.link(link, content);
            if (!link.equals(recordedLink)) {
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
