package dk.sagsspor.deadlines;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds dated deadlines in Danish texts: a date after a word that makes it a deadline — "senest den 31. maj 2025",
 * "høringsfrist den 9. marts 2025", "inden 1. januar 2026", "fristen er 3. juni", "deadline d. 4. maj". A date with no
 * such word (a meeting date, the days of a hearing period, the day a law takes effect) is not a deadline. A date without
 * a year is the first such day on or after the reference day (the meeting's). Text as extracted from PDF minutes is
 * understood: lines broken anywhere, blank lines between them, words hyphenated at a line break.
 *
 * <p>It lives with the events because both sides read Danish texts the same way: the query side suggests follow-ups,
 * the importer finds deadlines in old minutes. JDK only, like everything in this module.
 */
public final class DeadlineExtractor {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("januar", 1),
            Map.entry("februar", 2),
            Map.entry("marts", 3),
            Map.entry("april", 4),
            Map.entry("maj", 5),
            Map.entry("juni", 6),
            Map.entry("juli", 7),
            Map.entry("august", 8),
            Map.entry("september", 9),
            Map.entry("oktober", 10),
            Map.entry("november", 11),
            Map.entry("december", 12));

    private static final Pattern DEADLINE = Pattern.compile(
            "(?iu)(?<![\\p{L}])(senest|høringsfrist(?:en)?|svarfrist(?:en)?|ansøgningsfrist(?:en)?|frist(?:en)?|inden|deadline)"
                    + "\\s+(?:(?:er|udløber|er\\s+sat\\s+til)\\s+)?(?:(?:den|d\\.)\\s+)?"
                    + "(\\d{1,2})\\.\\s*(" + String.join("|", MONTHS.keySet()) + ")(?![\\p{L}])"
                    + "(?:\\s+(\\d{4})(?!\\d))?");

    private static final Pattern FULL_DATE = Pattern.compile("(?iu)(?<![\\d.])(\\d{1,2})\\.\\s*("
            + String.join("|", MONTHS.keySet()) + ")(?![\\p{L}])\\s+(\\d{4})(?!\\d)");

    private static final Pattern HYPHENATED_BREAK = Pattern.compile("(\\p{Ll})-\\s*\\n\\s*(\\p{Ll})");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern SENTENCE_START = Pattern.compile("[.!?]\\s+(?=\\p{Lu})");
    /**
     * A sentence ends at a full stop (or ! ?) before anything but a lower-case word or a number — the next sentence's
     * capital letter, a mark, the end of the text; a dot before a lower-case word is a day's ("19. marts") or an
     * abbreviation's ("mio. kr."), not a sentence's end.
     */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?=\\s+[^\\p{Ll}\\d]|\\s*$)");

    private DeadlineExtractor() {}

    /** A deadline found: the day, the sentence it was found in, and the word that made it one. */
    public record Deadline(LocalDate date, String quote, String cue) {}

    /** Every dated deadline in the text, in order; {@code reference} (the meeting's day) gives missing years. */
    public static List<Deadline> find(String text, LocalDate reference) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String flat = flatten(text);
        List<Deadline> found = new ArrayList<>();
        Matcher matcher = DEADLINE.matcher(flat);
        while (matcher.find()) {
            LocalDate date = date(matcher, reference);
            if (date != null) {
                found.add(new Deadline(date, sentence(flat, matcher.start(), matcher.end()), matcher.group(1)));
            }
        }
        return List.copyOf(found);
    }

    /** One line of prose: hyphenated breaks repaired, every run of whitespace a single space. */
    /** The first full Danish date in a text ("28. april 2023", "d. 20. juni 2025"), if any. */
    public static java.util.Optional<LocalDate> firstDate(String text) {
        Matcher matcher = FULL_DATE.matcher(text == null ? "" : flatten(text));
        while (matcher.find()) {
            try {
                return java.util.Optional.of(LocalDate.of(
                        Integer.parseInt(matcher.group(3)),
                        MONTHS.get(matcher.group(2).toLowerCase(Locale.ROOT)),
                        Integer.parseInt(matcher.group(1))));
            } catch (DateTimeException impossible) {
                // "31. juni": not a date; look further
            }
        }
        return java.util.Optional.empty();
    }

    /** The text on one line: line breaks and runs of blanks as one space, words hyphenated at a break joined. */
    public static String flatten(String text) {
        String repaired = HYPHENATED_BREAK.matcher(text).replaceAll("$1$2");
        return WHITESPACE.matcher(repaired).replaceAll(" ").strip();
    }

    private static LocalDate date(Matcher matcher, LocalDate reference) {
        int day = Integer.parseInt(matcher.group(2));
        int month = MONTHS.get(matcher.group(3).toLowerCase(Locale.ROOT));
        try {
            if (matcher.group(4) != null) {
                return LocalDate.of(Integer.parseInt(matcher.group(4)), month, day);
            }
            if (reference == null) {
                return null;
            }
            LocalDate sameYear = LocalDate.of(reference.getYear(), month, day);
            return sameYear.isBefore(reference) ? sameYear.plusYears(1) : sameYear;
        } catch (DateTimeException notADay) {
            return null;
        }
    }

    /** The sentence around a match: from the end of the previous sentence to the end of this one. */
    static String sentence(String flat, int start, int end) {
        int from = 0;
        Matcher ends = SENTENCE_START.matcher(flat);
        while (ends.find() && ends.end() <= start) {
            from = ends.end();
        }
        int to = flat.length();
        Matcher next = SENTENCE_END.matcher(flat);
        if (next.find(end)) {
            to = next.end();
        }
        return flat.substring(from, to).strip();
    }
}
