package dk.sagsspor.command.imports;

import dk.sagsspor.command.imports.ParsedMinutes.Item;
import dk.sagsspor.deadlines.DeadlineExtractor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agenda items of minutes, one step of {@link MinutesParser}: each a numbered heading ("3.1. Title", possibly
 * wrapped) followed within three lines by its case number line ("SAG-2025-00681 haan/hast"), then its parts
 * (Baggrund, Indstilling, Sagsfremstilling, Beslutning) as text — wrapped lines joined, list entries and subheadings
 * on lines of their own, a table after a decision left out with a warning. Marks each line it reads as placed.
 */
final class MinutesItems {

    private static final Pattern INITIALS = Pattern.compile("\\p{L}{2,8}(?:/\\p{L}{2,8})*");

    private static final Map<String, String> PARTS = Map.of(
            "baggrund", "background",
            "indstilling", "recommendation",
            "sagsfremstilling", "presentation",
            "beslutning", "decision",
            "bilag", "attachments");

    /** A part's heading with its text on the same line: "Beslutning: Godkendt." */
    private static final Pattern INLINE_PART =
            Pattern.compile("(?iu)^(baggrund|indstilling|sagsfremstilling|beslutning|bilag):\\s+(\\S.*)$");

    /** A section heading: "3. Regionalpolitiske sager". */
    static final Pattern SECTION = Pattern.compile("^(\\d{1,2})\\.\\s+(\\S.*)$");

    /** An item heading: "3.1. Title" or "3.1 Title". */
    private static final Pattern ITEM = Pattern.compile("^(\\d{1,2})\\.(\\d{1,2})\\.?\\s+(\\S.*)$");

    private static final Pattern CASE = Pattern.compile("^(SAG-\\d{4}-\\d{5})(?:\\s+(.*))?$");

    /** A list entry: "– …", "- …", "• …". */
    static final Pattern BULLET = Pattern.compile("^[–\\-•]\\s*(.*)$");

    private static final Pattern HYPHENATED = Pattern.compile("(\\p{Ll})-$");

    private MinutesItems() {}

    /** Lines joined with hyphenation at line ends repaired. */
    static String join(List<String> lines) {
        return clean(DeadlineExtractor.flatten(String.join("\n", lines)));
    }

    /** Runs of spaces, tabs and no-break spaces as one space, the ends stripped. */
    static String clean(String text) {
        return text.replaceAll("[ \\t\\u00a0]+", " ").strip();
    }

    /** The index of the first line that starts an agenda item, or -1. */
    static int first(List<String> lines) {
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

    static List<Item> read(List<String> lines, int first, List<String> warnings, boolean[] placed) {
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
                            .map(MinutesItems::clean)
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
        long numbers = Arrays.stream(cells).filter(MinutesItems::isNumber).count();
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
                .map(MinutesItems::clean)
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

    /** The number ("3.1") of the item whose heading starts at {@code i}, or null. */
    static String numberAt(List<String> lines, int i) {
        if (caseLineOf(lines, i) < 0) {
            return null;
        }
        Matcher heading = ITEM.matcher(lines.get(i));
        heading.matches();
        return heading.group(1) + "." + heading.group(2);
    }
}
