package dk.sagsspor.command.imports;

import dk.sagsspor.command.imports.ParsedMinutes.Deadline;
import dk.sagsspor.command.imports.ParsedMinutes.Item;
import dk.sagsspor.command.imports.ParsedMinutes.NextMeeting;
import dk.sagsspor.command.imports.ParsedMinutes.Participant;
import dk.sagsspor.deadlines.DeadlineExtractor;
import dk.sagsspor.deadlines.UndertakingExtractor;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads minutes as text extracted from their PDF: the structure, not any one file's layout. An agenda item is a
 * numbered heading ("3.1. Title", the title possibly wrapped over lines) followed by a case number line
 * ("SAG-2025-00681 haan/hast"), then any of the parts Baggrund, Indstilling, Sagsfremstilling and Beslutning. What
 * looks like a heading but has no case number after it — a table of contents line, a numbered list in a text ("1.
 * Regionsloven: …"), a year at a line start ("2025.") — is text. Page headers ("KKR Nordjylland | 11-04-2025") and
 * page numbers ("SIDE | 2") are dropped wherever they fall. Words hyphenated at a line break are joined.
 *
 * <p>The committee and the meeting's day come from the page headers or the "Dato:" line; minutes without them (a lost
 * cover page) give them in their first items' texts ("dagsorden til KKR Nordjyllands møde den 28. april 2023"), which
 * is used then, with a warning. Participants may be written "Name (Party) Municipality" or "Name (Party),
 * Municipality".
 *
 * <p>The steps, in {@link #parse}'s order: the pages' own lines dropped ({@code pages}); when and where, and who took
 * part, from the lines before the first item; the items ({@link MinutesItems}); the committee and the day; the lines
 * read into nothing, named; the next meeting, the deadlines in the items' texts and the undertakings in the decisions.
 */
public final class MinutesParser {

    private static final Pattern PAGE_HEADER =
            Pattern.compile("^\\s*(\\S.*?)\\s+\\|\\s+(\\d{2})-(\\d{2})-(\\d{4})(?:\\s+\\d{1,2}[:.]\\d{2})?\\s*$");
    /** A page header whose date is written out: "KKR Midtjylland | 12. juni 2025". */
    private static final Pattern PAGE_HEADER_WRITTEN_DATE =
            Pattern.compile("^\\s*(KKR\\s.*?)\\s+\\|\\s+(\\d{1,2}\\.\\s*\\p{L}+\\s+\\d{4})\\s*$");
    /** "SIDE | 2", "Side 4 af 9", "4/9", or a page number alone on its line. */
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "(?i)^\\s*(?:side\\s*\\|?\\s*\\d+(?:\\s*(?:af|/)\\s*\\d+)?|\\d{1,3}(?:\\s*/\\s*\\d{1,3})?)\\s*$");
    /** A footnote at a page's foot: its number and a web address ("1 https://www.kl.dk/…"). */
    private static final Pattern FOOTNOTE_URL = Pattern.compile("(?i)^\\s*\\d{1,2}\\s+(?:https?://|www\\.)\\S+\\s*$");

    private static final Pattern TOC_LINE = Pattern.compile("\\.{4,}\\s*\\d+\\s*$");
    /** "kl. 10.00", "10:00", "kl. 10.00 - 12.30": a time of day, and possibly when the meeting ended. */
    private static final String TIMES =
            "(?:kl\\.\\s*)?(\\d{1,2})[:.](\\d{2})(?:\\s*[-–]\\s*(?:kl\\.\\s*)?(\\d{1,2})[:.](\\d{2}))?";
    /** "Dato: 11-04-2025 10:00", "Mødedato: 14. juni 2022", "Dato: 14-06-2022, kl. 10.00 - 12.30". */
    private static final Pattern DATE_LINE =
            Pattern.compile("(?iu)^\\s*(?:møde)?dato:\\s*(?:(\\d{1,2})[-./](\\d{1,2})[-./](\\d{4})|("
                    + "\\d{1,2}\\.\\s*\\p{L}+\\s+\\d{4}))(?:\\s*,?\\s+" + TIMES + ")?");
    /** "Mødetidspunkt: kl. 10.00 - 12.30", "Tid: 9.30", "Tidspunkt: 13:00". */
    private static final Pattern TIME_LINE = Pattern.compile("(?iu)^\\s*(?:møde)?(?:tidspunkt|tid):\\s*" + TIMES);
    /** "Sted: …", "Mødested: …". */
    private static final Pattern PLACE_LINE = Pattern.compile("(?iu)^\\s*(?:møde)?sted:\\s*(.*)$");

    private static final Pattern COMMITTEE_IN_TEXT = Pattern.compile("\\b(KKR [\\p{Lu}][\\p{Ll}]+?)s?\\b(?![-\\p{L}])");
    /** "Name (A) Municipality", "Name (A), Municipality", "Name, (A), Municipality", "Name, (A) Municipality". */
    private static final Pattern PARTICIPANT =
            Pattern.compile("^(\\p{L}[\\p{L} .'-]*?)\\s*,?\\s*\\(([^()]{1,6})\\),?\\s*(.*)$");

    private static final String FULL_DATE = "\\d{1,2}\\.\\s*\\p{L}+\\s+\\d{4}";
    private static final Pattern NEXT_MEETING =
            Pattern.compile("(?iu)næste møde[^.]{0,80}?(?:afholdes|holdes|er)\\s+(?:den\\s+|d\\.\\s*)?" + FULL_DATE);
    private static final Pattern MEETING_OF_THE_AGENDA =
            Pattern.compile("(?iu)dagsorden\\p{L}*\\s[^.]{0,80}?møde\\s+(?:den\\s+|d\\.\\s*)?" + FULL_DATE);

    private static final String BEFORE_THE_FIRST_ITEM = "before the first item";

    private MinutesParser() {}

    /**
     * Reads the text; refuses a document in which no agenda item can be found. Deadlines in texts are read relative to
     * the meeting's date, or to {@code today} when the minutes give none.
     */
    public static ParsedMinutes parse(String text, LocalDate today) {
        List<String> warnings = new ArrayList<>();
        Pages pages = pages(text);
        List<String> lines = pages.lines();
        int first = MinutesItems.first(lines);
        if (first < 0) {
            throw new NotMinutes("No agenda items: no numbered heading (\"3.1. Title\") followed by a case number"
                    + " (SAG-yyyy-nnnnn) was found. Is this a bundle of appendices rather than minutes?");
        }
        boolean[] placed = new boolean[lines.size()];
        When when = when(pages, first, placed);
        List<Participant> participants = new ArrayList<>();
        List<Participant> absent = new ArrayList<>();
        participants(lines.subList(0, first), participants, absent, warnings, placed);
        List<Item> items = MinutesItems.read(lines, first, warnings, placed);
        String committee = committee(pages, text, warnings);
        LocalDate meetingDate =
                meetingDate(when.date() != null ? when.date() : pages.headerDate(), items, committee, warnings);
        if (committee == null) {
            warnings.add("The committee was not found.");
        }
        for (Item item : items) {
            if (item.decision() == null) {
                warnings.add("Item " + item.number() + " has no decision.");
            }
        }
        List<ParsedMinutes.UnplacedLine> unplaced = unplaced(lines, pages.numbers(), placed, first);
        for (ParsedMinutes.UnplacedLine line : unplaced) {
            if (!line.where().equals(BEFORE_THE_FIRST_ITEM)) {
                // text among the items that went into no item: an import would lose it, so it is named
                warnings.add("Line " + line.line() + " (" + line.where() + ") was read into nothing: \"" + line.text()
                        + "\"");
            }
        }
        return new ParsedMinutes(
                committee,
                meetingDate,
                when.start(),
                when.end(),
                when.location(),
                participants,
                absent,
                items,
                nextMeeting(items),
                deadlines(items, meetingDate == null ? today : meetingDate),
                undertakings(items),
                unplaced,
                warnings);
    }

    /**
     * The document's lines without what pages add (headers, page numbers, footnotes, the table of contents' dotted
     * lines) or blank lines; each kept line stripped, as it was ({@code raw}), and with its line number. The first page
     * header names the committee and the date.
     */
    private record Pages(
            List<String> lines,
            List<String> raw,
            List<Integer> numbers,
            @Nullable String headerCommittee,
            @Nullable LocalDate headerDate) {}

    private static Pages pages(String text) {
        List<String> raw = Arrays.asList(text.replace("\r", "").split("\n"));
        String headerCommittee = null;
        LocalDate headerDate = null;
        List<String> lines = new ArrayList<>();
        List<String> rawKept = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (int n = 0; n < raw.size(); n++) {
            String line = raw.get(n);
            Matcher header = PAGE_HEADER.matcher(line);
            if (header.matches()) {
                if (headerCommittee == null) {
                    headerCommittee = header.group(1).trim();
                    headerDate = date(header.group(4), header.group(3), header.group(2));
                }
                continue;
            }
            Matcher writtenHeader = PAGE_HEADER_WRITTEN_DATE.matcher(line);
            if (writtenHeader.matches()) {
                if (headerCommittee == null) {
                    headerCommittee = MinutesItems.clean(writtenHeader.group(1));
                    headerDate =
                            DeadlineExtractor.firstDate(writtenHeader.group(2)).orElse(null);
                }
                continue;
            }
            if (line.isBlank()
                    || PAGE_NUMBER.matcher(line).matches()
                    || FOOTNOTE_URL.matcher(line).matches()
                    || TOC_LINE.matcher(line).find()) {
                continue;
            }
            lines.add(line.strip());
            rawKept.add(line);
            numbers.add(n + 1);
        }
        return new Pages(lines, rawKept, numbers, headerCommittee, headerDate);
    }

    /** When and where the meeting was, as the lines before the first item give it (each may be missing). */
    private record When(
            @Nullable LocalDate date,
            @Nullable LocalTime start,
            @Nullable LocalTime end,
            @Nullable String location) {}

    private static When when(Pages pages, int first, boolean[] placed) {
        List<String> lines = pages.lines();
        List<String> rawKept = pages.raw();
        LocalDate meetingDate = null;
        LocalTime meetingTime = null;
        LocalTime meetingEnd = null;
        String location = null;
        for (int i = 0; i < first; i++) {
            Matcher date = DATE_LINE.matcher(lines.get(i));
            if (date.find() && meetingDate == null) {
                placed[i] = true;
                meetingDate = date.group(4) != null
                        ? DeadlineExtractor.firstDate(date.group(4)).orElse(null)
                        : date(date.group(3), date.group(2), date.group(1));
                meetingTime = time(date.group(5), date.group(6));
                meetingEnd = time(date.group(7), date.group(8));
            }
            Matcher time = TIME_LINE.matcher(lines.get(i));
            if (time.find() && meetingTime == null) {
                placed[i] = true;
                meetingTime = time(time.group(1), time.group(2));
                meetingEnd = time(time.group(3), time.group(4));
            }
            Matcher place = PLACE_LINE.matcher(lines.get(i));
            if (place.matches() && location == null) {
                placed[i] = true;
                StringBuilder where = new StringBuilder(place.group(1).strip());
                for (int j = i + 1;
                        j < first && Character.isWhitespace(rawKept.get(j).charAt(0));
                        j++) {
                    if (lines.get(j).contains(":") || lines.get(j).matches("\\p{Lu}[\\p{L} ]*")) {
                        break;
                    }
                    where.append(' ').append(lines.get(j));
                    placed[j] = true;
                }
                location = MinutesItems.clean(
                        where.toString().replaceAll(",\\s*,", ",").replaceAll(",\\s*$", ""));
            }
        }
        return new When(meetingDate, meetingTime, meetingEnd, location);
    }

    /** The committee: the page headers', else the one the text names most (said in a warning), else none. */
    private static @Nullable String committee(Pages pages, String text, List<String> warnings) {
        String committee = pages.headerCommittee();
        if (committee == null) {
            committee = committeeInText(text);
            if (committee != null) {
                warnings.add("The committee (" + committee + ") was read from the text: no page header names it.");
            }
        }
        return committee;
    }

    /** The meeting's date: the date line's or the page headers', else one the first items name (warned). */
    private static @Nullable LocalDate meetingDate(
            @Nullable LocalDate given, List<Item> items, @Nullable String committee, List<String> warnings) {
        if (given != null) {
            return given;
        }
        LocalDate meetingDate = dateInFirstItems(items, committee);
        if (meetingDate != null) {
            warnings.add("The meeting's date (" + meetingDate + ") was read from the first items' texts:"
                    + " no date line or page header gives it.");
        } else {
            warnings.add("The meeting's date was not found.");
        }
        return meetingDate;
    }

    /** The lines nothing was read from, each with its line number and the item it follows. */
    private static List<ParsedMinutes.UnplacedLine> unplaced(
            List<String> lines, List<Integer> numbers, boolean[] placed, int first) {
        List<ParsedMinutes.UnplacedLine> unplaced = new ArrayList<>();
        String where = BEFORE_THE_FIRST_ITEM;
        for (int i = 0; i < lines.size(); i++) {
            String item = i >= first ? MinutesItems.numberAt(lines, i) : null;
            if (item != null) {
                where = "after item " + item;
            }
            if (!placed[i]) {
                unplaced.add(new ParsedMinutes.UnplacedLine(numbers.get(i), lines.get(i), where));
            }
        }
        return unplaced;
    }

    private static void participants(
            List<String> header,
            List<Participant> present,
            List<Participant> absent,
            List<String> warnings,
            boolean[] placed) {
        List<Participant> target = null;
        String pending = null;
        for (int i = 0; i < header.size(); i++) {
            String line = header.get(i);
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.equals("deltagere") || lower.startsWith("deltagere:")) {
                placed[i] = true;
                target = present;
                continue;
            }
            if (lower.equals("afbud") || lower.startsWith("afbud:") || lower.startsWith("fraværende")) {
                placed[i] = true;
                flush(pending, target);
                pending = null;
                target = absent;
                continue;
            }
            if (MinutesItems.SECTION.matcher(line).matches()) {
                // a section heading ends the list; the one before the first item is its section
                placed[i] = true;
                flush(pending, target);
                pending = null;
                target = null;
                continue;
            }
            if (target == null) {
                continue;
            }
            if (pending != null && open(pending)) {
                placed[i] = true;
                pending = pending + " " + line;
                continue;
            }
            if (PARTICIPANT.matcher(line).matches()) {
                placed[i] = true;
                flush(pending, target);
                pending = line;
            } else if (line.endsWith(":") && line.length() <= 40) {
                // a group within the list ("KL-udvalgsmedlem:"): the names under it are read as any others
                placed[i] = true;
                flush(pending, target);
                pending = null;
            } else {
                warnings.add(
                        (target == present ? "A participant" : "An absentee") + " line was not read: \"" + line + "\"");
            }
        }
        flush(pending, target);
    }

    private static boolean open(String text) {
        return text.chars().filter(c -> c == '(').count()
                > text.chars().filter(c -> c == ')').count();
    }

    private static void flush(String entry, List<Participant> target) {
        if (entry == null || target == null) {
            return;
        }
        Matcher matcher = PARTICIPANT.matcher(MinutesItems.clean(entry));
        if (!matcher.matches()) {
            return;
        }
        String rest = matcher.group(3).strip();
        String note = null;
        int paren = rest.indexOf('(');
        if (paren >= 0) {
            note = rest.substring(paren + 1).replaceAll("\\)\\s*$", "").strip();
            rest = rest.substring(0, paren).strip();
        }
        rest = rest.replaceAll("^,\\s*", "").replaceAll(",\\s*$", "");
        target.add(new Participant(
                matcher.group(1).strip(), matcher.group(2).strip(), rest.isEmpty() ? null : rest, note));
    }

    /** A time of day from its hour and minute, or null when the document gives none (or an impossible one). */
    private static LocalTime time(String hour, String minute) {
        if (hour == null) {
            return null;
        }
        try {
            return LocalTime.of(Integer.parseInt(hour), Integer.parseInt(minute));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static LocalDate date(String year, String month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The committee named most often in the text ("KKR Nordjylland", also in its genitive "KKR Nordjyllands"). */
    private static String committeeInText(String text) {
        Map<String, Integer> counts = new HashMap<>();
        Matcher matcher = COMMITTEE_IN_TEXT.matcher(text);
        while (matcher.find()) {
            counts.merge(matcher.group(1), 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    /** "dagsorden til KKR Nordjyllands møde den 28. april 2023" in one of the first items. */
    private static LocalDate dateInFirstItems(List<Item> items, String committee) {
        for (Item item : items.subList(0, Math.min(3, items.size()))) {
            for (String part : new String[] {item.background(), item.recommendation(), item.presentation()}) {
                if (part == null) {
                    continue;
                }
                Matcher meeting = MEETING_OF_THE_AGENDA.matcher(DeadlineExtractor.flatten(part));
                if (meeting.find()) {
                    Optional<LocalDate> day = DeadlineExtractor.firstDate(meeting.group());
                    if (day.isPresent()) {
                        return day.get();
                    }
                }
            }
        }
        return null;
    }

    /**
     * The next meeting, from the item about it ("Punkter/Sager til næste møde", a section or a numbered item of its
     * own): its date from the announcement ("Næste møde … afholdes den 6. februar 2025"), if any, and the expected items
     * from the bulleted list, wherever in the item they stand (after the announcement, or under Baggrund).
     */
    private static NextMeeting nextMeeting(List<Item> items) {
        for (Item item : items) {
            boolean aboutNext = item.title().toLowerCase(Locale.ROOT).contains("næste møde")
                    || (item.section() != null
                            && item.section().toLowerCase(Locale.ROOT).contains("næste møde"));
            if (!aboutNext) {
                continue;
            }
            LocalDate date = null;
            List<String> expected = new ArrayList<>();
            for (String part :
                    new String[] {item.background(), item.presentation(), item.recommendation(), item.decision()}) {
                if (part == null) {
                    continue;
                }
                Matcher announcement = NEXT_MEETING.matcher(part);
                if (announcement.find() && date == null) {
                    date = DeadlineExtractor.firstDate(announcement.group()).orElse(null);
                }
                for (String line : part.split("\n")) {
                    Matcher bullet = MinutesItems.BULLET.matcher(line);
                    if (bullet.matches() && !bullet.group(1).isBlank()) {
                        expected.add(bullet.group(1).strip());
                    }
                }
            }
            if (date != null || !expected.isEmpty()) {
                return new NextMeeting(date, expected);
            }
        }
        return null;
    }

    /** What the decisions ask for, or promise, at a later meeting ({@link UndertakingExtractor}). */
    private static List<ParsedMinutes.Undertaking> undertakings(List<Item> items) {
        List<ParsedMinutes.Undertaking> found = new ArrayList<>();
        for (Item item : items) {
            for (UndertakingExtractor.Undertaking undertaking : UndertakingExtractor.find(item.decision())) {
                found.add(new ParsedMinutes.Undertaking(undertaking.quote(), item.number(), undertaking.pattern()));
            }
        }
        return found;
    }

    private static List<Deadline> deadlines(List<Item> items, LocalDate reference) {
        List<Deadline> found = new ArrayList<>();
        for (Item item : items) {
            for (String part :
                    new String[] {item.decision(), item.recommendation(), item.presentation(), item.background()}) {
                for (DeadlineExtractor.Deadline deadline : DeadlineExtractor.find(part, reference)) {
                    found.add(new Deadline(deadline.date(), deadline.quote(), item.number()));
                }
            }
        }
        return found;
    }
}
