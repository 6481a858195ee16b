package dk.sagsspor.query.delivery;

import java.time.Duration;

/** How long a delivery that failed waits before its next attempt: doubling from the first wait, up to the longest. */
public final class Backoff {

    private Backoff() {}

    /** The wait before the next attempt after the given number of failed attempts (1, 2, ...). */
    public static Duration after(int failedAttempts, Duration initial, Duration max) {
        Duration wait = initial;
        for (int i = 1; i < failedAttempts && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
