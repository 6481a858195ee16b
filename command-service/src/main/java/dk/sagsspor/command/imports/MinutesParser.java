package dk.sagsspor.command.imports;

import dk.sagsspor.command.imports.ParsedMinutes.Deadline;
import dk.sagsspor.command.imports.ParsedMinutes.Item;
import dk.sagsspor.command.imports.ParsedMinutes.NextMeeting;
import dk.sagsspor.command.imports.ParsedMinutes.Participant;
import dk.sagsspor.deadlines.DeadlineExtractor;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
    private static final Pattern SECTION = Pattern.compile("^(\\d{1,2})\\.\\s+(\\S.*)$");
    private static final Pattern ITEM = Pattern.compile("^(\\d{1,2})\\.(\\d{1,2})\\.?\\s+(\\S.*)$");
    private static final Pattern CASE = Pattern.compile("^(SAG-\\d{4}-\\d{5})(?:\\s+(.*))?$");
    private static final Pattern INITIALS = Pattern.compile("\\p{L}{2,8}(?:/\\p{L}{2,8})*");
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
    private static final Pattern BULLET = Pattern.compile("^[–\\-•]\\s*(.*)$");
    private static final Pattern HYPHENATED = Pattern.compile("(\\p{Ll})-$");
    private static final Map<String, String> PARTS = Map.of(
            "baggrund", "background",
            "indstilling", "recommendation",
            "sagsfremstilling", "presentation",
            "beslutning", "decision",
            "bilag", "attachments");
    /** A part's heading with its text on the same line: "Beslutning: Godkendt." */
    private static final Pattern INLINE_PART =
            Pattern.compile("(?iu)^(baggrund|indstilling|sagsfremstilling|beslutning|bilag):\\s+(\\S.*)$");

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
        int first = firstItem(lines);
        if (first < 0) {
            throw new NotMinutes("No agenda items: no numbered heading (\"3.1. Title\") followed by a case number"
                    + " (SAG-yyyy-nnnnn) was found. Is this a bundle of appendices rather than minutes?");
        }
        boolean[] placed = new boolean[lines.size()];
        When when = when(pages, first, placed);
        List<Participant> participants = new ArrayList<>();
        List<Participant> absent = new ArrayList<>();
        participants(lines.subList(0, first), participants, absent, warnings, placed);
        List<Item> items = items(lines, first, warnings, placed);
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
                    headerCommittee = clean(writtenHeader.group(1));
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
                location = clean(where.toString().replaceAll(",\\s*,", ",").replaceAll(",\\s*$", ""));
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
            if (i >= first && caseLineOf(lines, i) > 0) {
                Matcher heading = ITEM.matcher(lines.get(i));
                heading.matches();
                where = "after item " + heading.group(1) + "." + heading.group(2);
            }
            if (!placed[i]) {
                unplaced.add(new ParsedMinutes.UnplacedLine(numbers.get(i), lines.get(i), where));
            }
        }
        return unplaced;
    }

    /** The index of the first line that starts an agenda item, or -1. */
    private static int firstItem(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (caseLineOf(lines, i) > 0) {
                return i;
            }
        }
        return -1;
    }

    /** If an item heading starts at {@code i}, the index of its case number line (after any title lines); else -1. */
    private static int caseLineOf(List<String> lines, int i) {
        if (!ITEM.matcher(lines.get(i)).matches()) {
            return -1;
        }
        for (int j = i + 1; j < lines.size() && j <= i + 3; j++) {
            String line = lines.get(j);
            if (CASE.matcher(line).matches()) {
                return j;
            }
            if (ITEM.matcher(line).matches() || PARTS.containsKey(line.toLowerCase(Locale.ROOT))) {
                return -1;
            }
        }
        return -1;
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
            if (SECTION.matcher(line).matches()) {
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
        Matcher matcher = PARTICIPANT.matcher(clean(entry));
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

    private static List<Item> items(List<String> lines, int first, List<String> warnings, boolean[] placed) {
        List<Item> items = new ArrayList<>();
        String section = null;
        int sectionNumber = 0;
        int i = first;
        // the section heading just before the first item
        if (first > 0) {
            Matcher heading = SECTION.matcher(lines.get(first - 1));
            if (heading.matches()) {
                section = clean(heading.group(2));
                sectionNumber = Integer.parseInt(heading.group(1));
            }
        }
        while (i < lines.size()) {
            int caseLine = caseLineOf(lines, i);
            Matcher heading = ITEM.matcher(lines.get(i));
            heading.matches();
            int major = Integer.parseInt(heading.group(1));
            if (major != sectionNumber) {
                // an item of a section whose heading was not found
                sectionNumber = major;
                section = null;
            }
            String number = heading.group(1) + "." + heading.group(2);
            Arrays.fill(placed, i, caseLine + 1, true);
            String title = join(lines.subList(i, caseLine)).replaceFirst("^\\d{1,2}\\.\\d{1,2}\\.?\\s+", "");
            Matcher caseNumber = CASE.matcher(lines.get(caseLine));
            caseNumber.matches();
            // "haan/hast", also "abcd / efgh" and "abcd, efgh"
            String initials = caseNumber.group(2) == null
                    ? ""
                    : caseNumber.group(2).strip().replaceAll("\\s*[/,]\\s*", "/");
            List<String> officers = INITIALS.matcher(initials).matches()
                    ? List.of(initials.toLowerCase(Locale.ROOT).split("/"))
                    : List.of();
            Map<String, List<String>> parts = new LinkedHashMap<>();
            List<String> table = new ArrayList<>();
            String part = null;
            int j = caseLine + 1;
            String nextSection = null;
            int nextSectionNumber = -1;
            for (; j < lines.size(); j++) {
                String line = lines.get(j);
                if (caseLineOf(lines, j) > 0) {
                    break;
                }
                Matcher sectionHeading = SECTION.matcher(line);
                if (sectionHeading.matches() && isSection(lines, j, sectionNumber, sectionHeading)) {
                    placed[j] = true;
                    nextSection = clean(sectionHeading.group(2));
                    nextSectionNumber = Integer.parseInt(sectionHeading.group(1));
                    j++;
                    // a section with no items (e.g. "5. Eventuelt" at the end) ends the item too
                    while (j < lines.size()
                            && caseLineOf(lines, j) < 0
                            && !SECTION.matcher(lines.get(j)).matches()) {
                        j++;
                    }
                    break;
                }
                String key = PARTS.get(line.toLowerCase(Locale.ROOT).replaceAll(":$", ""));
                placed[j] = true;
                if (key != null) {
                    part = key;
                    parts.putIfAbsent(key, new ArrayList<>());
                    continue;
                }
                Matcher inline = INLINE_PART.matcher(line);
                if (inline.matches()) {
                    part = PARTS.get(inline.group(1).toLowerCase(Locale.ROOT));
                    parts.computeIfAbsent(part, k -> new ArrayList<>()).add(inline.group(2));
                    continue;
                }
                if (part == null) {
                    part = "presentation";
                    warnings.add(
                            "Item " + number + " has text before its first part heading; read as Sagsfremstilling.");
                    parts.putIfAbsent(part, new ArrayList<>());
                }
                if (part.equals("decision") && isTableRow(line)) {
                    table.add(line);
                    continue;
                }
                parts.get(part).add(line);
            }
            if (!table.isEmpty()) {
                warnings.add("Item " + number + ": a table of " + table.size()
                        + " lines after its decision was left out of it: " + String.join(" / ", table));
            }
            items.add(new Item(
                    number,
                    section,
                    title,
                    caseNumber.group(1),
                    officers,
                    text(parts.get("background")),
                    text(parts.get("recommendation")),
                    text(parts.get("presentation")),
                    text(parts.get("decision")),
                    parts.getOrDefault("attachments", List.of()).stream()
                            .map(MinutesParser::clean)
                            .toList()));
            if (nextSection != null) {
                section = nextSection;
                sectionNumber = nextSectionNumber;
            }
            i = j;
            while (i < lines.size() && caseLineOf(lines, i) < 0) {
                Matcher later = SECTION.matcher(lines.get(i));
                if (later.matches() && isSection(lines, i, sectionNumber, later)) {
                    placed[i] = true;
                    section = clean(later.group(2));
                    sectionNumber = Integer.parseInt(later.group(1));
                }
                i++;
            }
        }
        return items;
    }

    /**
     * A row of a table laid out in columns ("Aalborg    42    45    50"): cells two or more spaces apart, at least two
     * of them numbers; or a label followed by three or more numbers.
     */
    private static boolean isTableRow(String line) {
        String[] cells = line.strip().split("\\s{2,}");
        long numbers = Arrays.stream(cells).filter(MinutesParser::isNumber).count();
        if (cells.length >= 3 && numbers >= 2) {
            return true;
        }
        String[] words = line.strip().split("\\s+");
        int trailingNumbers = 0;
        for (int i = words.length - 1; i >= 0 && isNumber(words[i]); i--) {
            trailingNumbers++;
        }
        return trailingNumbers >= 3 && words.length - trailingNumbers <= 4;
    }

    private static boolean isNumber(String cell) {
        return cell.matches("[-+−]?\\d[\\d.,]*\\s?%?");
    }

    /**
     * Whether "N. Title" at {@code index} heads a section rather than being a numbered line of a text: it is a later
     * section than the current one and is followed by its first item (N.1), or it is the next section number with a
     * short title and nothing that reads as a list entry (no colon).
     */
    private static boolean isSection(List<String> lines, int index, int current, Matcher heading) {
        int number = Integer.parseInt(heading.group(1));
        if (index + 1 < lines.size() && caseLineOf(lines, index + 1) > 0) {
            Matcher next = ITEM.matcher(lines.get(index + 1));
            return next.matches()
                    && Integer.parseInt(next.group(1)) == number
                    && Integer.parseInt(next.group(2)) == 1
                    && number > current;
        }
        String title = heading.group(2);
        return number == current + 1 && title.length() <= 60 && !title.contains(":");
    }

    /**
     * The lines of a part as text: wrapped lines joined; list entries ("– …", "1. …") and subheadings (a short line
     * without closing punctuation, after a finished sentence and before a capitalised line, e.g. "BRN") on lines of
     * their own.
     */
    private static String text(List<String> lines) {
        if (lines == null || lines.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        boolean afterHeading = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean heading = isSubheading(text, line, i + 1 < lines.size() ? lines.get(i + 1) : null);
            if (text.isEmpty()) {
                text.append(line);
            } else if (heading
                    || afterHeading
                    || BULLET.matcher(line).matches()
                    || line.matches("^\\d{1,2}\\.\\s+\\p{Lu}.*")) {
                text.append('\n').append(line);
            } else if (HYPHENATED.matcher(text).find() && Character.isLowerCase(line.charAt(0))) {
                text.setLength(text.length() - 1);
                text.append(line);
            } else {
                text.append(' ').append(line);
            }
            afterHeading = heading;
        }
        String cleaned = Arrays.stream(text.toString().split("\n"))
                .map(MinutesParser::clean)
                .reduce((a, b) -> a + "\n" + b)
                .orElse("");
        return cleaned.isBlank() ? null : cleaned;
    }

    private static boolean isSubheading(CharSequence before, String line, String next) {
        String trimmed = before.toString().strip();
        boolean sentenceDone = trimmed.isEmpty() || trimmed.matches("(?s).*[.!?:]$");
        return sentenceDone
                && next != null
                && line.length() <= 60
                && !line.matches(".*[.,:;!?]$")
                && !BULLET.matcher(line).matches()
                && Character.isUpperCase(line.codePointAt(0))
                && Character.isUpperCase(next.codePointAt(0));
    }

    /** Lines joined with hyphenation at line ends repaired. */
    private static String join(List<String> lines) {
        return clean(DeadlineExtractor.flatten(String.join("\n", lines)));
    }

    private static String clean(String text) {
        return text.replaceAll("[ \\t\\u00a0]+", " ").strip();
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
                    Matcher bullet = BULLET.matcher(line);
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
