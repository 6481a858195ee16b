package dk.sagsspor.query.agendaitem;

import dk.sagsspor.query.projection.DeadLetters;
import dk.sagsspor.query.security.Visibility;
import dk.sagsspor.query.web.OParlList;
import dk.sagsspor.query.web.OParlList.PageRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.web.util.UriComponentsBuilder;

/** Lists of agenda items: filtered, searched in Danish, oldest first. */
@Repository
class AgendaItemSearch {

    private static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final DeadLetters deadLetters;
    private final MeetingStarts meetings;
    private final AgendaItemCounts counts;

    AgendaItemSearch(
            JdbcClient jdbc, Clock clock, DeadLetters deadLetters, MeetingStarts meetings, AgendaItemCounts counts) {
        this.counts = counts;
        this.deadLetters = deadLetters;
        this.meetings = meetings;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What to list; every part is optional. */
    record Filter(
            String committee,
            String officer,
            String reference,
            List<String> statuses,
            String text,
            boolean outstandingOnly,
            Instant asOf) {}

    /**
     * One row of a list: enough to see where an item stands and how long it has been waiting — {@code timesDeferred}
     * counts deferrals (by the committee, or left undecided at a meeting), {@code timesMoved} moves because a meeting
     * was cancelled; {@code incomplete} names the read models that miss some of its events (empty when complete).
     */
    record Row(
            String id,
            String name,
            String committee,
            @Nullable String reference,
            List<String> caseOfficers,
            String status,
            @Nullable String meeting,
            @Nullable OffsetDateTime meetingStart,
            int timesDeferred,
            int timesMoved,
            long ageDays,
            OffsetDateTime created,
            OffsetDateTime modified,
            @Nullable String result,
            int openFollowUps,
            List<String> incomplete) {}

    OParlList<Row> find(Filter filter, PageRequest page, ItemCursor after, UriComponentsBuilder self) {
        Instant asOf = filter.asOf();
        // the item's row says whether it is outstanding (V13): the outstanding items of a committee are read from a
        // partial index in the list's order instead of every item joined to its follow-ups.
        // Only the filters given are in the statement: "(:x is null or …)" lets a prepared statement's generic plan
        // use neither the partial index nor the committee's, and the driver switches to generic plans after a few runs
        String query = prefixQuery(filter.text());
        List<String> conditions = new ArrayList<>();
        if (filter.committee() != null) {
            conditions.add("i.committee = :committee");
        }
        if (filter.officer() != null) {
            conditions.add(":officer = any (i.case_officers)");
        }
        if (filter.reference() != null) {
            conditions.add("i.case_number = :reference");
        }
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            conditions.add("i.status = any (cast(:statuses as text[]))");
        }
        if (filter.outstandingOnly()) {
            conditions.add("i.outstanding");
        }
        if (query != null) {
            conditions.add("i.search @@ to_tsquery('danish', :query)");
        }
        conditions.add(Visibility.visible("i"));
        String where = " from " + AgendaItems.asOf(asOf) + " i where " + String.join(" and ", conditions);
        String[] statuses = filter.statuses() == null
                ? new String[0]
                : filter.statuses().stream()
                        .map(s -> s.toUpperCase(Locale.ROOT))
                        .toArray(String[]::new);
        Map<String, Object> parameters = new HashMap<>(Visibility.parameters());
        parameters.put("committee", filter.committee());
        parameters.put("officer", filter.officer());
        parameters.put("reference", filter.reference());
        parameters.put("statuses", statuses);
        parameters.put("query", query);
        parameters.put("asOf", asOf == null ? null : Timestamp.from(asOf));
        // a committee's (or every committee's) items now, or its outstanding ones, are counted by the read model;
        // any other filter is counted over the rows it selects
        boolean counted = asOf == null
                && filter.officer() == null
                && filter.reference() == null
                && statuses.length == 0
                && query == null;
        long total = counted
                ? counts.total(filter.committee(), filter.outstandingOnly())
                : jdbc.sql("select count(*) " + where)
                        .params(parameters)
                        .query(Long.class)
                        .single();
        LocalDate today =
                (asOf == null ? clock.instant() : asOf).atZone(DENMARK).toLocalDate();
        List<Row> rows = jdbc.sql("select i.* " + where
                        + (after == null ? "" : " and (i.proposed_at, i.id) > (:afterAt, :afterId)")
                        + " order by i.proposed_at, i.id limit :limit offset :offset")
                .param("afterAt", after == null ? null : Timestamp.from(after.proposedAt()))
                .param("afterId", after == null ? null : after.id())
                .params(parameters)
                .param("limit", page.size())
                .param("offset", after == null ? page.offset() : 0)
                .query((rs, n) -> {
                    OffsetDateTime created = danish(rs.getTimestamp("proposed_at"));
                    return new Row(
                            rs.getString("id"),
                            rs.getString("title"),
                            rs.getString("committee"),
                            rs.getString("case_number"),
                            List.of((String[]) rs.getArray("case_officers").getArray()),
                            rs.getString("status"),
                            rs.getString("meeting_id"),
                            null,
                            rs.getInt("times_deferred"),
                            rs.getInt("times_moved"),
                            ChronoUnit.DAYS.between(created.toLocalDate(), today),
                            created,
                            danish(rs.getTimestamp("last_changed_at")),
                            rs.getString("outcome"),
                            rs.getInt("open_follow_ups"),
                            List.of());
                })
                .list();
        Map<String, List<String>> incomplete =
                deadLetters.incomplete(rows.stream().map(Row::id).toList());
        // each item's meeting start, from the meetings read model (as it stood at asOf)
        Map<String, Instant> starts = meetings.starts(
                rows.stream()
                        .map(Row::meeting)
                        .filter(java.util.Objects::nonNull)
                        .toList(),
                asOf);
        if (!incomplete.isEmpty() || !starts.isEmpty()) {
            rows = rows.stream()
                    .map(row -> new Row(
                            row.id(),
                            row.name(),
                            row.committee(),
                            row.reference(),
                            row.caseOfficers(),
                            row.status(),
                            row.meeting(),
                            row.meeting() == null ? null : danish(starts.get(row.meeting())),
                            row.timesDeferred(),
                            row.timesMoved(),
                            row.ageDays(),
                            row.created(),
                            row.modified(),
                            row.result(),
                            row.openFollowUps(),
                            incomplete.getOrDefault(row.id(), List.of())))
                    .toList();
        }
        String next = rows.size() < page.size()
                ? null
                : new ItemCursor(
                                rows.getLast().created().toInstant(),
                                rows.getLast().id())
                        .encode();
        return OParlList.of(rows, total, page, self, next);
    }

    /**
     * The words of a search as a tsquery of stemmed prefixes joined by AND ({@code erhvervsfremme} becomes
     * {@code erhvervsfremme:*}, which the Danish stemmer turns into {@code 'erhvervsfrem':*}); anything that is not
     * a letter or digit is dropped, so no input can break the query syntax; every letter is lower-cased, as the indexed
     * texts are. Null when there is nothing to search.
     */
    static String prefixQuery(String text) {
        if (text == null) {
            return null;
        }
        List<String> terms = new ArrayList<>();
        // lower-cased here, in every letter: to_tsquery folds only A–Z under a C-locale database (V17)
        Matcher words = WORD.matcher(text.toLowerCase(java.util.Locale.ROOT));
        while (words.find()) {
            terms.add(words.group() + ":*");
        }
        return terms.isEmpty() ? null : String.join(" & ", terms);
    }

    private static OffsetDateTime danish(Timestamp timestamp) {
        return timestamp == null ? null : danish(timestamp.toInstant());
    }

    private static OffsetDateTime danish(Instant instant) {
        return instant == null ? null : instant.atZone(DENMARK).toOffsetDateTime();
    }
}
