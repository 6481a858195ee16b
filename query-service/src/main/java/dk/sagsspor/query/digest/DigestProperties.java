package dk.sagsspor.query.digest;

import dk.sagsspor.query.delivery.Backoff;
import dk.sagsspor.query.delivery.Mails;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the weekly digests.
 *
 * @param enabled whether this instance sends digests at all
 * @param day the day of the week they go out (Danish time)
 * @param time the Danish local time on that day from which they go out
 * @param pollInterval how often an instance looks for digests to raise and send
 * @param mailFrom the sender of digest mails; its domain also ends each mail's Message-ID
 * @param firstLookBack how far back a person's first digest tells of changes (later ones: since the last one)
 * @param settle how long before the digest is written a change must have been recorded to be in it: a change the read
 *     models have not applied yet when the digest is written is then in the next one, not lost between the two
 * @param sendEmpty whether a person with nothing to tell (no open follow-ups, no outstanding items, no changes) gets a
 *     mail saying so; when false the digest is recorded as skipped
 * @param initialBackoff the wait after a first failed delivery; doubled after each further failure
 * @param maxBackoff the longest wait between two attempts
 * @param lease how long an instance holds a digest while writing and sending it; after a crash, another instance takes
 *     it over when the lease ends. Must be longer than the mail timeouts.
 * @param batchSize how many digests an instance claims at a time
 */
@Validated
@ConfigurationProperties("sagsspor.digests")
public record DigestProperties(
        boolean enabled,
        @NotNull DayOfWeek day,
        @NotNull LocalTime time,
        @NotNull Duration pollInterval,
        @NotBlank @Email String mailFrom,
        @NotNull Duration firstLookBack,
        @NotNull Duration settle,
        boolean sendEmpty,
        @NotNull Duration initialBackoff,
        @NotNull Duration maxBackoff,
        @NotNull Duration lease,
        @Positive int batchSize) {

    /** The wait before the next attempt after the given number of failed attempts (1, 2, ...). */
    Duration backoff(int failedAttempts) {
        return Backoff.after(failedAttempts, initialBackoff, maxBackoff);
    }

    /** The domain part of {@link #mailFrom()}, for Message-IDs. */
    String mailDomain() {
        return Mails.domainOf(mailFrom);
    }
}
