package dk.sagsspor.testsupport;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Random lowercase letters a–z, for names a test needs unique and made of letters only (initials, search words).
 * Letters taken from a random UUID's hex digits were sometimes too few: a UUID may hold fewer than five of a–f.
 */
public final class RandomLetters {

    private RandomLetters() {}

    public static String of(int count) {
        StringBuilder letters = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return letters.toString();
    }
}
