package dk.sagsspor.query.meeting;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether an agenda item is the one a promise named. Minutes word the promise loosely ("KKR fremadrettet") and the
 * next agenda words the item as its officer likes ("KKR fremadrettet – drøftelse af temaer"), so titles match when,
 * compared as words (case, punctuation and dashes ignored), one contains all words of the other, or at least two thirds
 * of the words of the shorter are in the longer.
 */
final class PromisedTitles {

    /** Words too common to say anything about which item is meant. */
    private static final Set<String> FILLER =
            Set.of("og", "i", "af", "til", "for", "om", "på", "med", "the", "en", "et");

    private PromisedTitles() {}

    static boolean matches(String promised, String title) {
        Set<String> a = words(promised);
        Set<String> b = words(title);
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        Set<String> shorter = a.size() <= b.size() ? a : b;
        Set<String> longer = shorter == a ? b : a;
        long shared = shorter.stream().filter(longer::contains).count();
        return shared == shorter.size() || (shorter.size() >= 3 && shared * 3 >= shorter.size() * 2);
    }

    static Set<String> words(String text) {
        if (text == null) {
            return Set.of();
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return Arrays.stream(plain.split("[^\\p{L}\\p{N}]+"))
                .filter(word -> !word.isEmpty() && !FILLER.contains(word))
                .collect(Collectors.toSet());
    }
}
