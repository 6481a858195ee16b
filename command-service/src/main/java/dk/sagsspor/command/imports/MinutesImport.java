package dk.sagsspor.command.imports;

import dk.sagsspor.command.agendaitem.AgendaItemCommands.CarryOverAgendaItem;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.DecideAgendaItem;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.ProposeAgendaItem;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.ScheduleAgendaItem;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.WithdrawAgendaItem;
import dk.sagsspor.command.agendaitem.StandingItems;
import dk.sagsspor.command.meeting.MeetingCommands.CloseMeeting;
import dk.sagsspor.command.meeting.MeetingCommands.OpenMeeting;
import dk.sagsspor.command.meeting.MeetingCommands.PromiseNextAgenda;
import dk.sagsspor.command.meeting.MeetingCommands.PublishAgenda;
import dk.sagsspor.command.meeting.MeetingCommands.ScheduleMeeting;
import dk.sagsspor.command.security.CommitteeAccess;
import dk.sagsspor.command.web.Commands;
import dk.sagsspor.events.agendaitem.DecisionOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports read minutes by issuing the ordinary commands, so imported history looks like recorded history: the
 * meeting is scheduled, its items proposed and put on the agenda under their numbers and sections, the agenda
 * published, the meeting opened, every item with a decision decided, and the meeting closed — which, as for any
 * meeting, carries over the items without a decision. The user who imports is the actor of every event.
 *
 * <p>All of it happens in one database transaction: a document is imported whole or not at all. Ids are derived
 * from the committee, the meeting's day and the item numbers, so importing the same minutes again finds the meeting
 * and imports nothing.
 */
@Component
class MinutesImport {

    static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");

    private final Commands commands;
    private final CommitteeAccess access;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;

    MinutesImport(Commands commands, CommitteeAccess access, TransactionTemplate transactions, JdbcClient jdbc) {
        this.commands = commands;
        this.access = access;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /** What an import did: the meeting, whether anything was recorded, counts and warnings. */
    record Result(
            boolean imported,
            String meeting,
            String committee,
            java.time.LocalDate meetingDate,
            int items,
            int decisions,
            int deadlines,
            int undecided,
            int promisedItems,
            int continued,
            List<String> warnings) {}

    Result importMinutes(ParsedMinutes minutes) {
        if (minutes.committee() == null || minutes.meetingDate() == null) {
            throw new NotMinutes("Cannot import: the minutes name no "
                    + (minutes.committee() == null ? "committee" : "meeting date")
                    + "; a dry run shows what was read.");
        }
        access.checkCommittee(minutes.committee());
        java.util.Set<String> numbers = new java.util.HashSet<>();
        for (ParsedMinutes.Item item : minutes.items()) {
            if (!numbers.add(item.number())) {
                throw new NotMinutes("Cannot import: item number " + item.number() + " appears twice.");
            }
        }
        String meeting =
                id("meeting", minutes.committee(), minutes.meetingDate().toString());
        List<String> warnings = new ArrayList<>(minutes.warnings());
        if (exists(meeting)) {
            return new Result(
                    false,
                    meeting,
                    minutes.committee(),
                    minutes.meetingDate(),
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    List.of("Already imported: the meeting of " + minutes.committee() + " on " + minutes.meetingDate()
                            + " exists; nothing was recorded."));
        }
        boolean dayOnly = minutes.meetingTime() == null;
        if (dayOnly) {
            warnings.add("The minutes give no time of day; the meeting is recorded for its day, without a time.");
        }
        Instant start = dayOnly
                ? minutes.meetingDate().atStartOfDay(DENMARK).toInstant()
                : minutes.meetingDate()
                        .atTime(minutes.meetingTime())
                        .atZone(DENMARK)
                        .toInstant();
        Instant end = dayOnly || minutes.meetingEnd() == null
                ? null
                : minutes.meetingDate()
                        .atTime(minutes.meetingEnd())
                        .atZone(DENMARK)
                        .toInstant();
        if (end != null && !end.isAfter(start)) {
            warnings.add("The minutes give an end (" + minutes.meetingEnd() + ") that is not after the start; the"
                    + " meeting is recorded without an end.");
            end = null;
        }
        Instant until = end;
        String location = minutes.location();
        if (location == null) {
            warnings.add("The minutes state no place; the meeting is recorded without one.");
        }
        int[] counts = new int[4];
        transactions.executeWithoutResult(status -> {
            commands.send(start, new ScheduleMeeting(meeting, minutes.committee(), start, until, location, dayOnly));
            List<String> ids = new ArrayList<>();
            for (ParsedMinutes.Item item : minutes.items()) {
                Earlier earlier = StandingItems.isStanding(item.title())
                        ? null
                        : earlierUndecided(minutes.committee(), item.title(), start);
                String id;
                if (earlier != null) {
                    // earlier minutes left this item undecided and these show it again: the same item, carried
                    // over from its meeting to this one
                    id = earlier.agendaItemId();
                    commands.send(
                            start,
                            new CarryOverAgendaItem(
                                    id,
                                    earlier.meetingId(),
                                    "Ikke afgjort; behandlet igen på mødet den " + minutes.meetingDate(),
                                    false));
                    jdbc.sql("delete from imported_undecided_item where agenda_item_id = :id")
                            .param("id", id)
                            .update();
                    counts[3]++;
                } else {
                    id = id("item", meeting, item.number());
                    commands.send(
                            start,
                            new ProposeAgendaItem(
                                    id,
                                    minutes.committee(),
                                    item.title(),
                                    item.caseNumber(),
                                    item.officers(),
                                    item.background(),
                                    item.recommendation(),
                                    item.presentation(),
                                    item.attachments(),
                                    false));
                }
                ids.add(id);
                commands.send(start, new ScheduleAgendaItem(id, null, meeting, item.number(), item.section()));
            }
            commands.send(start, new PublishAgenda(meeting, null));
            commands.send(start, new OpenMeeting(meeting, null));
            for (int i = 0; i < minutes.items().size(); i++) {
                ParsedMinutes.Item item = minutes.items().get(i);
                if (item.decision() != null) {
                    DecisionOutcome outcome = outcome(item.decision());
                    if (outcome == null) {
                        outcome = DecisionOutcome.NOTED;
                        warnings.add("Item " + item.number() + ": the decision names no outcome; recorded as "
                                + DecisionOutcome.NOTED.danish() + ".");
                    }
                    commands.send(start, new DecideAgendaItem(ids.get(i), null, outcome, item.decision()));
                    counts[0]++;
                } else if (StandingItems.isStanding(item.title())) {
                    // every meeting has its own: a standing item without a decision ends with its meeting
                    commands.send(start, new WithdrawAgendaItem(ids.get(i), null, StandingItems.NOT_CARRIED_OVER));
                    warnings.add("Item " + item.number() + " (" + item.title() + ") has no decision; a standing"
                            + " item, it ends with this meeting (withdrawn: every meeting has its own).");
                } else {
                    jdbc.sql("""
                                    insert into imported_undecided_item
                                        (agenda_item_id, committee, title_key, meeting_id, meeting_start)
                                    values (:id, :committee, :key, :meeting, :start)
                                    on conflict (agenda_item_id) do update
                                       set meeting_id = excluded.meeting_id, meeting_start = excluded.meeting_start""")
                            .param("id", ids.get(i))
                            .param("committee", minutes.committee())
                            .param("key", titleKey(item.title()))
                            .param("meeting", meeting)
                            .param("start", java.sql.Timestamp.from(start))
                            .update();
                    counts[1]++;
                }
            }
            ParsedMinutes.NextMeeting next = minutes.nextMeeting();
            if (next != null && !next.expectedItems().isEmpty()) {
                commands.send(start, new PromiseNextAgenda(meeting, null, next.date(), next.expectedItems()));
                counts[2] = next.expectedItems().size();
            }
            commands.send(start, new CloseMeeting(meeting, null));
        });
        if (counts[1] > 0) {
            warnings.add(counts[1] + " item(s) without a decision are recorded as undecided at this meeting, not"
                    + " carried over: they stay outstanding until later minutes of the committee show them again.");
        }
        if (counts[3] > 0) {
            warnings.add(counts[3] + " item(s) left undecided by earlier minutes are shown again here and continued"
                    + " as the same item(s).");
        }
        return new Result(
                true,
                meeting,
                minutes.committee(),
                minutes.meetingDate(),
                minutes.items().size(),
                counts[0],
                minutes.deadlines().size(),
                counts[1],
                counts[2],
                counts[3],
                warnings);
    }

    /** An item earlier imported minutes left undecided, at the meeting it was left at. */
    private record Earlier(String agendaItemId, String meetingId) {}

    /** The latest item of the committee left undecided by minutes of a meeting before {@code start}, by title. */
    private Earlier earlierUndecided(String committee, String title, Instant start) {
        return jdbc.sql("""
                        select agenda_item_id, meeting_id from imported_undecided_item
                         where committee = :committee and title_key = :key and meeting_start < :start
                         order by meeting_start desc limit 1 for update""")
                .param("committee", committee)
                .param("key", titleKey(title))
                .param("start", java.sql.Timestamp.from(start))
                .query((rs, n) -> new Earlier(rs.getString("agenda_item_id"), rs.getString("meeting_id")))
                .optional()
                .orElse(null);
    }

    /** A title as minutes of different meetings may word the same item: case, spacing and end punctuation aside. */
    static String titleKey(String title) {
        return title.strip()
                .replaceAll("\\s+", " ")
                .replaceAll("[\\s.:;,–-]+$", "")
                .toLowerCase(Locale.ROOT);
    }

    /**
     * The outcome a decision text states, in the words minutes use: "ikke godkendt"/"afviste" (rejected),
     * "godkendte … med (de) ændringer/bemærkninger" (approved with changes), "godkendte"/"blev godkendt" (approved),
     * "til efterretning" (noted); null when it states none (e.g. "drøftede sagen").
     */
    static DecisionOutcome outcome(String decision) {
        String text = decision.toLowerCase(Locale.ROOT);
        if (text.contains("ikke godkend") || text.contains("afviste") || text.contains("forkastede")) {
            return DecisionOutcome.REJECTED;
        }
        if (text.matches("(?s).*godkend\\p{L}*[^.]*med (de |følgende )?(ændringer|bemærkninger|justeringer).*")) {
            return DecisionOutcome.APPROVED_WITH_CHANGES;
        }
        if (text.contains("godkendte") || text.contains("blev godkendt") || text.contains("godkendes")) {
            return DecisionOutcome.APPROVED;
        }
        if (text.contains("til efterretning") || text.contains("til orientering")) {
            return DecisionOutcome.NOTED;
        }
        return null;
    }

    private boolean exists(String aggregateId) {
        return jdbc.sql("select exists (select 1 from domainevententry where aggregateidentifier = :id)")
                .param("id", aggregateId)
                .query(Boolean.class)
                .single();
    }

    /** A stable id: the same minutes give the same meeting and items on every import. */
    static String id(String kind, String... parts) {
        return UUID.nameUUIDFromBytes(
                        ("sagsspor:minutes:" + kind + ":" + String.join("|", parts)).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
