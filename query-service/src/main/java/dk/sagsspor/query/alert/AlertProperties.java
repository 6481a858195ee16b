package dk.sagsspor.query.alert;

import dk.sagsspor.query.delivery.Backoff;
import dk.sagsspor.query.delivery.Mails;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of deadline alerts (the lead times are {@code sagsspor.deadlines.reminder-lead-times}).
 *
 * @param enabled whether this instance raises and delivers alerts at all
 * @param pollInterval how often an instance looks for alerts to raise and deliver
 * @param notBefore Danish local time before which no alert is raised on a day (nobody wants a reminder at 00:01)
 * @param topic the Kafka topic alerts are published on, for other systems
 * @param mailFrom the sender of alert mails; its domain also ends each mail's Message-ID
 * @param initialBackoff the wait after a first failed delivery; doubled after each further failure
 * @param maxBackoff the longest wait between two attempts (a failing alert is retried until it is delivered)
 * @param lease how long an instance holds an alert while delivering it; after a crash, another instance takes the
 *     alert over when the lease ends. Must be longer than the mail and Kafka timeouts together.
 * @param batchSize how many alerts an instance claims at a time
 * @param sendTimeout how long a publication on the alerts topic may take
 */
@Validated
@ConfigurationProperties("sagsspor.alerts")
public record AlertProperties(
        boolean enabled,
        @NotNull Duration pollInterval,
        @NotNull LocalTime notBefore,
        @NotBlank String topic,
        @NotBlank @Email String mailFrom,
        @NotNull Duration initialBackoff,
        @NotNull Duration maxBackoff,
        @NotNull Duration lease,
        @Positive int batchSize,
        @NotNull Duration sendTimeout) {

    /** The wait before the next attempt after the given number of failed attempts (1, 2, ...). */
    public Duration backoff(int failedAttempts) {
        return Backoff.after(failedAttempts, initialBackoff, maxBackoff);
    }

    /** The domain part of {@link #mailFrom()}, for Message-IDs. */
    public String mailDomain() {
        return Mails.domainOf(mailFrom);
    }
}
