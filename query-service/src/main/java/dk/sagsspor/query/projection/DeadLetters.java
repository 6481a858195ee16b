package dk.sagsspor.query.projection;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The records each projection could not apply, kept in the read database (table {@code dead_letter}) beside the
 * dead-letter topic: with the record itself, so it can be replayed once the cause is fixed; with its aggregate, so
 * every answer about that aggregate can say it is incomplete; and once per projection and record, so a rebuild that
 * meets a known dead letter again counts it instead of publishing it a second time.
 */
@Repository
public class DeadLetters {

    /** What a dead letter is: failed on its own, held behind one of its aggregate, or replayed since. */
    public enum Status {
        OPEN,
        HELD,
        REPLAYED;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A dead letter as operators and auditors see it (without the record's bytes). */
    public record DeadLetter(
            long id,
            String projection,
            String topic,
            int partition,
            long offset,
            @Nullable String aggregateId,
            @Nullable String eventId,
            @Nullable String eventType,
            @Nullable Long sequence,
            String status,
            String reason,
            String exception,
            int failures,
            Instant firstFailed,
            Instant lastFailed,
            @Nullable Instant replayed,
            @Nullable String replayedBy) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    DeadLetters(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records that the projection could not apply the record. True if it is new to this projection (or had been
     * replayed since it last failed): only then does it go to the dead-letter topic.
     */
    boolean record(String projection, ConsumerRecord<String, byte[]> record, Exception reason, Status status) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), Base64.getEncoder().encodeToString(header.value()));
        }
        Timestamp now = Timestamp.from(clock.instant());
        Optional<String> before = jdbc.sql("""
                        select status from dead_letter
                         where projection = :projection and topic = :topic and kafka_partition = :partition
                           and record_offset = :offset""")
                .param("projection", projection)
                .param("topic", record.topic())
                .param("partition", record.partition())
                .param("offset", record.offset())
                .query(String.class)
                .optional();
        jdbc.sql("""
                        insert into dead_letter (projection, topic, kafka_partition, record_offset, aggregate_id,
                                                 event_id, event_type, sequence, record_key, record_value,
                                                 record_headers, status, reason, exception, first_failed_at,
                                                 last_failed_at)
                        values (:projection, :topic, :partition, :offset, :aggregateId, :eventId, :eventType,
                                :sequence, :key, :value, cast(:headers as jsonb), :status, :reason, :exception,
                                :now, :now)
                        on conflict (projection, topic, kafka_partition, record_offset) do update
                           set failures = dead_letter.failures + 1,
                               last_failed_at = excluded.last_failed_at,
                               reason = excluded.reason,
                               exception = excluded.exception,
                               status = excluded.status,
                               replayed_at = null,
                               replayed_by = null""")
                .param("projection", projection)
                .param("topic", record.topic())
                .param("partition", record.partition())
                .param("offset", record.offset())
                .param("aggregateId", record.key())
                .param("eventId", header(record, "ce_id"))
                .param("eventType", header(record, "ce_type"))
                .param("sequence", sequence(record))
                .param("key", record.key())
                .param("value", record.value())
                .param("headers", json.writeValueAsString(headers))
                .param("status", status.column())
                .param("reason", String.valueOf(reason.getMessage()))
                .param("exception", reason.getClass().getName())
                .param("now", now)
                .update();
        return before.isEmpty() || before.get().equals(Status.REPLAYED.column());
    }

    /**
     * Resolves the dead letters that the projection's new positions have overtaken: a record that failed because it
     * came early (an aggregate's events out of order on the topic, then sent again in order — at-least-once delivery)
     * or that was held behind such a one needs nothing more once a later copy has been applied. Marked replayed,
     * {@code replayedBy} saying so. One statement per poll for every projection of the pass, on the partial index of
     * unresolved letters.
     */
    void supersede(Map<String, Map<String, Long>> positionsByProjection) {
        if (positionsByProjection.isEmpty()) {
            return;
        }
        List<String> projections = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<Long> sequences = new ArrayList<>();
        positionsByProjection.forEach((projection, positions) -> positions.forEach((id, sequence) -> {
            projections.add(projection);
            ids.add(id);
            sequences.add(sequence);
        }));
        jdbc.sql("""
                        update dead_letter d
                           set status = 'replayed', replayed_at = :now, replayed_by = :by
                          from unnest(cast(:projections as text[]), cast(:ids as text[]), cast(:sequences as bigint[]))
                               as p(projection, aggregate_id, sequence)
                         where d.aggregate_id = p.aggregate_id and d.projection = p.projection
                           and d.status <> 'replayed' and d.sequence <= p.sequence""")
                .param("now", Timestamp.from(clock.instant()))
                .param("by", SUPERSEDED)
                .param("projections", projections.toArray(String[]::new))
                .param("ids", ids.toArray(String[]::new))
                .param("sequences", sequences.toArray(Long[]::new))
                .update();
    }

    /** Who replayed a dead letter that a later copy of its record made unnecessary. */
    static final String SUPERSEDED = "sagsspor: applied from a later copy";

    /** True if the projection has an unresolved dead letter of the aggregate: its later events wait behind it. */
    boolean blocks(String projection, String aggregateId) {
        return aggregateId != null
                && jdbc.sql("""
                                select exists (select 1 from dead_letter
                                                where aggregate_id = :aggregateId and projection = :projection
                                                  and status <> 'replayed')""")
                        .param("aggregateId", aggregateId)
                        .param("projection", projection)
                        .query(Boolean.class)
                        .single();
    }

    /** The read models (projections) that miss events of the aggregate; empty when it is complete everywhere. */
    public List<String> incomplete(String aggregateId) {
        return jdbc.sql("""
                        select distinct projection from dead_letter
                         where aggregate_id = :aggregateId and status <> 'replayed' order by projection""")
                .param("aggregateId", aggregateId)
                .query(String.class)
                .list();
    }

    /** For a page of aggregates, the read models that miss events of each (only those that miss any). */
    public Map<String, List<String>> incomplete(Collection<String> aggregateIds) {
        Map<String, List<String>> incomplete = new LinkedHashMap<>();
        if (aggregateIds.isEmpty()) {
            return incomplete;
        }
        jdbc.sql("""
                        select aggregate_id, projection from dead_letter
                         where status <> 'replayed' and aggregate_id = any(:ids)
                         group by aggregate_id, projection order by aggregate_id, projection""")
                .param("ids", aggregateIds.toArray(String[]::new))
                .query((rs, n) -> incomplete
                        .computeIfAbsent(rs.getString(1), id -> new java.util.ArrayList<>())
                        .add(rs.getString(2)))
                .list();
        return incomplete;
    }

    /** Unresolved dead letters (open and held), of one projection or all, in the order they must be replayed. */
    public List<DeadLetter> unresolved(String projection) {
        return jdbc.sql("""
                        select * from dead_letter
                         where status <> 'replayed' and (cast(:projection as text) is null or projection = :projection)
                         order by projection, aggregate_id, sequence nulls last, kafka_partition, record_offset""")
                .param("projection", projection)
                .query(DeadLetters::row)
                .list();
    }

    /** One dead letter, whatever its status. */
    public Optional<DeadLetter> find(long id) {
        return jdbc.sql("select * from dead_letter where id = :id")
                .param("id", id)
                .query(DeadLetters::row)
                .optional();
    }

    /** Unresolved dead letters by projection and status, e.g. {@code {agenda-items: {open: 1, held: 3}}}. */
    public Map<String, Map<String, Long>> counts() {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        select projection, status, count(*) from dead_letter
                         where status <> 'replayed' group by projection, status order by projection, status""")
                .query((rs, n) -> counts.computeIfAbsent(rs.getString(1), p -> new LinkedHashMap<>())
                        .put(rs.getString(2), rs.getLong(3)))
                .list();
        return counts;
    }

    /** The stored record, as it came off the topic, for a replay. */
    ConsumerRecord<String, byte[]> stored(long id) {
        return jdbc.sql("""
                        select topic, kafka_partition, record_offset, record_key, record_value,
                               record_headers::text as headers
                          from dead_letter where id = :id""")
                .param("id", id)
                .query((rs, n) -> {
                    RecordHeaders headers = new RecordHeaders();
                    json.readTree(rs.getString("headers"))
                            .properties()
                            .forEach(h -> headers.add(
                                    h.getKey(),
                                    Base64.getDecoder().decode(h.getValue().asString())));
                    return new ConsumerRecord<>(
                            rs.getString("topic"),
                            rs.getInt("kafka_partition"),
                            rs.getLong("record_offset"),
                            ConsumerRecord.NO_TIMESTAMP,
                            TimestampType.NO_TIMESTAMP_TYPE,
                            ConsumerRecord.NULL_SIZE,
                            ConsumerRecord.NULL_SIZE,
                            rs.getString("record_key"),
                            rs.getBytes("record_value"),
                            headers,
                            Optional.empty());
                })
                .single();
    }

    void replayed(long id, String by) {
        jdbc.sql("""
                        update dead_letter set status = 'replayed', replayed_at = :now, replayed_by = :by
                         where id = :id""")
                .param("now", Timestamp.from(clock.instant()))
                .param("by", by)
                .param("id", id)
                .update();
    }

    void failedAgain(long id, Exception reason) {
        jdbc.sql("""
                        update dead_letter set failures = failures + 1, last_failed_at = :now, reason = :reason,
                                               exception = :exception
                         where id = :id""")
                .param("now", Timestamp.from(clock.instant()))
                .param("reason", String.valueOf(reason.getMessage()))
                .param("exception", reason.getClass().getName())
                .param("id", id)
                .update();
    }

    private static DeadLetter row(ResultSet rs, int n) throws SQLException {
        Timestamp replayed = rs.getTimestamp("replayed_at");
        Long sequence = rs.getObject("sequence", Long.class);
        return new DeadLetter(
                rs.getLong("id"),
                rs.getString("projection"),
                rs.getString("topic"),
                rs.getInt("kafka_partition"),
                rs.getLong("record_offset"),
                rs.getString("aggregate_id"),
                rs.getString("event_id"),
                rs.getString("event_type"),
                sequence,
                rs.getString("status"),
                rs.getString("reason"),
                rs.getString("exception"),
                rs.getInt("failures"),
                rs.getTimestamp("first_failed_at").toInstant(),
                rs.getTimestamp("last_failed_at").toInstant(),
                replayed == null ? null : replayed.toInstant(),
                rs.getString("replayed_by"));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Long sequence(ConsumerRecord<?, ?> record) {
        String value = header(record, "ce_sequence");
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
