package dk.sagsspor.query.followup;

import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of deadlines.
 *
 * @param reminderLeadTimes how long before a due date reminders go out (whole days; default 7 and 1 days); the
 *     longest is also the window in which a follow-up counts as due soon
 */
@Validated
@ConfigurationProperties("sagsspor.deadlines")
public record DeadlineProperties(@NotEmpty List<Duration> reminderLeadTimes) {

    /** The lead times in whole days, longest first. */
    public List<Integer> leadDays() {
        return reminderLeadTimes.stream()
                .map(lead -> (int) lead.toDays())
                .distinct()
                .sorted(java.util.Comparator.reverseOrder())
                .toList();
    }

    /** Days before its due date from which an open follow-up counts as due soon. */
    public int dueSoonDays() {
        return leadDays().get(0);
    }
}
