package dk.sagsspor.command.audit;

import dk.sagsspor.command.audit.ChainLinks.StoredEvent;
import dk.sagsspor.command.audit.Seals.Seal;
import dk.sagsspor.events.agendaitem.AgendaItemDecided;
import dk.sagsspor.events.agendaitem.AgendaItemDecisionCorrected;
import dk.sagsspor.events.agendaitem.AgendaItemProposed;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A committee's decisions and corrections in a period, as the event store holds them, each with what an auditor needs
 * to check it without Sagsspor (deploy/audit/check-export.sh, docs/audit.md): the stored event's fields, its content
 * hash and link, and the seal that covers it; and the chain's content hashes from the first entry to the last seal
 * that covers one, so that the links can be walked from entry to seal. Only chained decisions are in it: younger ones
 * are counted, not listed.
 */
@Component
public class DecisionRegisterExport {

    private static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DecisionRegisterExport(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A stored event as it is hashed: payload and metadata as base64 of their bytes. */
    public record ExportedEvent(
            String eventIdentifier,
            String aggregateType,
            String aggregateIdentifier,
            long sequenceNumber,
            String payloadType,
            @Nullable String payloadRevision,
            String timestamp,
            String payload,
            @Nullable String metaData) {}

    /** One decision (or correction of one), with its place in the chain and the seal that covers it (if any yet). */
    public record RegisterEntry(
            long position,
            String kind,
            String agendaItemId,
            String meetingId,
            String outcome,
            String text,
            @Nullable String reason,
            ExportedEvent event,
            String contentHash,
            String previousLink,
            String link,
            @Nullable Seal seal) {}

    /** The chain from just before the first entry: its link there, and each position's content hash, in order. */
    public record ChainPath(String previousLink, List<PositionHash> contentHashes) {}

    /** A position of the chain and its content hash. */
    public record PositionHash(long position, String contentHash) {}

    /** The export: what was asked for, the entries, the chain path, the covering seals, the unchained decisions. */
    public record DecisionRegister(
            String committee,
            LocalDate from,
            LocalDate to,
            List<RegisterEntry> entries,
            long unchainedDecisions,
            @Nullable ChainPath chain,
            List<Seal> seals) {}

    /** The committee's decisions from the start of {@code from} to the end of {@code to}, Danish time. */
    @Transactional(readOnly = true)
    public DecisionRegister export(String committee, LocalDate from, LocalDate to) {
        Timestamp start = Timestamp.from(from.atStartOfDay(DANISH_TIME).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(DANISH_TIME).toInstant());
        List<RegisterEntry> entries = new ArrayList<>();
        long[] unchained = {0};
        jdbc.sql("""
                        select e.globalindex, e.eventidentifier, e.type, e.aggregateidentifier, e.sequencenumber,
                               e.payloadtype, e.payloadrevision, e.timestamp, e.payload, e.metadata,
                               c.content_hash, c.link,
                               coalesce((select p.link from event_chain p where p.global_index < e.globalindex
                                          order by p.global_index desc limit 1), :genesis) as previous_link,
                               s.global_index as seal_position, s.link as seal_link, s.events as seal_events,
                               s.sealed_at
                          from domainevententry e
                          left join event_chain c on c.global_index = e.globalindex
                          left join lateral (select * from event_seal s where s.global_index >= e.globalindex
                                              order by s.global_index, s.id limit 1) s on true
                         where e.payloadtype in (:decided, :corrected)
                           and cast(e.timestamp as timestamptz) >= :start and cast(e.timestamp as timestamptz) < :end
                           and e.aggregateidentifier in (
                               select p.aggregateidentifier from domainevententry p
                                where p.payloadtype = :proposed
                                  -- an escaped NUL in an old payload (PostgreSQL's JSON refuses it) must not stop it
                                  and replace(convert_from(p.payload, 'UTF8'), '\\u0000', '')::jsonb ->> 'committee'
                                      = :committee)
                         order by e.globalindex""")
                .param("decided", AgendaItemDecided.class.getName())
                .param("corrected", AgendaItemDecisionCorrected.class.getName())
                .param("proposed", AgendaItemProposed.class.getName())
                .param("committee", committee)
                .param("start", start)
                .param("end", end)
                .param("genesis", ChainLinks.GENESIS)
                .query(rs -> {
                    String link = rs.getString("link");
                    if (link == null) {
                        unchained[0]++; // too young to be chained yet: counted, not listed
                        return;
                    }
                    rs.getLong("seal_position");
                    Seal seal = rs.wasNull()
                            ? null
                            : new Seal(
                                    rs.getLong("seal_position"),
                                    rs.getString("seal_link"),
                                    rs.getLong("seal_events"),
                                    rs.getTimestamp("sealed_at").toInstant());
                    entries.add(entry(
                            EventChain.STORED.mapRow(rs, 0),
                            rs.getString("content_hash"),
                            rs.getString("previous_link"),
                            link,
                            seal));
                });
        List<Seal> seals = entries.stream()
                .map(RegisterEntry::seal)
                .filter(s -> s != null)
                .distinct()
                .toList();
        return new DecisionRegister(
                committee, from, to, entries, unchained[0], entries.isEmpty() ? null : path(entries, seals), seals);
    }

    private RegisterEntry entry(StoredEvent stored, String contentHash, String previousLink, String link, Seal seal) {
        JsonNode payload = json.readTree(new String(stored.payload(), StandardCharsets.UTF_8));
        boolean correction = stored.payloadType().equals(AgendaItemDecisionCorrected.class.getName());
        Base64.Encoder base64 = Base64.getEncoder();
        return new RegisterEntry(
                stored.globalIndex(),
                correction ? "correction" : "decision",
                stored.aggregateIdentifier(),
                payload.path("meetingId").asString(),
                payload.path("outcome").asString(),
                payload.path("text").asString(),
                correction ? payload.path("reason").asString() : null,
                new ExportedEvent(
                        stored.eventIdentifier(),
                        stored.aggregateType(),
                        stored.aggregateIdentifier(),
                        stored.sequenceNumber(),
                        stored.payloadType(),
                        stored.payloadRevision(),
                        stored.timestamp(),
                        base64.encodeToString(stored.payload()),
                        stored.metaData() == null ? null : base64.encodeToString(stored.metaData())),
                contentHash,
                previousLink,
                link,
                seal);
    }

    /** The content hashes from the first entry to the last covering seal (or the last entry, if none covers it). */
    private ChainPath path(List<RegisterEntry> entries, List<Seal> seals) {
        long first = entries.getFirst().position();
        long last = seals.isEmpty()
                ? entries.getLast().position()
                : Math.max(entries.getLast().position(), seals.getLast().position());
        List<PositionHash> links = jdbc.sql("""
                        select global_index, content_hash from event_chain
                         where global_index between :first and :last order by global_index""")
                .param("first", first)
                .param("last", last)
                .query((rs, n) -> new PositionHash(rs.getLong(1), rs.getString(2)))
                .list();
        return new ChainPath(entries.getFirst().previousLink(), links);
    }
}
