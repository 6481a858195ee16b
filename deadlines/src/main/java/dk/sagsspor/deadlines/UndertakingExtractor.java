package dk.sagsspor.deadlines;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds undertakings in Danish decision texts: sentences in which a committee asks for something at a later meeting,
 * or is promised it — "En opdatering på sundhedsreformen ønskes på næste møde", "KKR Nordjylland efterspurgt en
 * temadrøftelse på et kommende KKR-møde", "Strategi og handlingsplan forelægges for KKR på et kommende møde", "Sagen
 * genoptages, når analysen foreligger", "Forvaltningen vender tilbage til KKR med en plan". They are offered to the
 * secretariat as promises for the next meeting; a person decides which are.
 *
 * <p>The patterns are here and nowhere else, each with its name ({@link #PATTERNS}); {@code UndertakingExtractorTest}
 * holds, per pattern, the sentences of the real minutes and of the issue that it must find and the near-misses it
 * must not: a next meeting's date or place ("Næste møde i KKR Nordjylland afholdes den 20. juni 2025"), another
 * body's meetings ("næste møde i DEB", "de kommende sundhedsråd"), a heading ("Sager til næste møde"), the past
 * ("Drøftelsen blev genoptaget", "vendte tilbage"). JDK only, like everything in this module.
 */
public final class UndertakingExtractor {

    /** The patterns by name, in the order they are tried; a sentence is offered once, for the first that finds it. */
    public static final Map<String, Pattern> PATTERNS = patterns();

    private UndertakingExtractor() {}

    /** An undertaking found: the sentence it is in, and the name of the pattern that found it. */
    public record Undertaking(String quote, String pattern) {}

    /** Every undertaking in the text, in order, each sentence once. */
    public static List<Undertaking> find(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String flat = DeadlineExtractor.flatten(text);
        Set<String> quotes = new HashSet<>();
        List<Hit> hits = new ArrayList<>();
        for (Map.Entry<String, Pattern> pattern : PATTERNS.entrySet()) {
            Matcher matcher = pattern.getValue().matcher(flat);
            while (matcher.find()) {
                String quote = DeadlineExtractor.sentence(flat, matcher.start(), matcher.end());
                if (quotes.add(quote)) {
                    hits.add(new Hit(matcher.start(), new Undertaking(quote, pattern.getKey())));
                }
            }
        }
        return hits.stream()
                .sorted(Comparator.comparingInt(Hit::at))
                .map(Hit::undertaking)
                .toList();
    }

    private record Hit(int at, Undertaking undertaking) {}

    private static Map<String, Pattern> patterns() {
        Map<String, Pattern> patterns = new LinkedHashMap<>();
        // not after "Punkter"/"Sager": the heading of the minutes' own promises ("Sager til næste møde")
        // "på næste møde", "på et kommende KKR-møde", "på det kommende møde i KKR", "til et senere møde",
        // "på et af de kommende møder", "på førstkommende møde"
        patterns.put(
                "at-a-later-meeting",
                Pattern.compile(
                        "(?iu)(?<!\\p{L})(?<!(?:punkter|sager)\\s)(?:på|til|ved)\\s+(?:(?:det|et|et\\s+af\\s+de|de)\\s+)?"
                                + "(?:næste|kommende|senere|førstkommende)\\s+(?:KKR-)?møder?(?!\\p{L})"));
        // "Sagen genoptages, når …", "punktet genoptages på …" (the present: a promise, not what happened)
        patterns.put(
                "resumed", Pattern.compile("(?iu)(?<!\\p{L})(?:sagen|punktet|drøftelsen)\\s+genoptages(?!\\p{L})"));
        // "vender tilbage til KKR med …", "vender tilbage med en plan"
        patterns.put(
                "comes-back",
                Pattern.compile(
                        "(?iu)(?<!\\p{L})vender\\s+tilbage\\s+(?:til\\s+(?:KKR|udvalget|sagen)|med)(?!\\p{L})"));
        return Collections.unmodifiableMap(patterns);
    }
}
