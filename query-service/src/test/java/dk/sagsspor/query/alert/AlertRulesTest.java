package dk.sagsspor.query.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dk.sagsspor.query.followup.FollowUpReadModel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When alerts are due, how long a failed one waits, and what its mail says. */
class AlertRulesTest {

    static final LocalDate DUE = LocalDate.of(2025, 5, 31);

    @Test
    void eachReminderHasItsOwnWindowAndTheOverdueAlertHasNoEnd() {
        List<Alerts.Kind> kinds = Alerts.kinds(List.of(7, 1));

        assertThat(kinds)
                .containsExactly(new Alerts.Kind(7, 2), new Alerts.Kind(1, 0), new Alerts.Kind(Alert.OVERDUE, null));
        assertThat(kinds.get(0).windowPassed(DUE.minusDays(2), DUE)).isFalse();
        assertThat(kinds.get(0).windowPassed(DUE.minusDays(1), DUE))
                .as("the day before, the one-day reminder takes over")
                .isTrue();
        assertThat(kinds.get(1).windowPassed(DUE, DUE)).isFalse();
        assertThat(kinds.get(1).windowPassed(DUE.plusDays(1), DUE)).isTrue();
        assertThat(kinds.get(2).windowPassed(DUE.plusDays(400), DUE)).isFalse();
    }

    @Test
    void backoffDoublesUpToItsLimit() {
        AlertProperties properties = properties(Duration.ofSeconds(30), Duration.ofMinutes(5));

        assertThat(List.of(1, 2, 3, 4, 5, 50).stream().map(properties::backoff))
                .containsExactly(
                        Duration.ofSeconds(30),
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(2),
                        Duration.ofMinutes(4),
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(5));
        assertThat(properties.mailDomain()).isEqualTo("sagsspor.dk");
    }

    @Test
    void theMailSaysHowManyDaysAreLeftInDanish() {
        FollowUpNow followUp = new FollowUpNow(
                new FollowUpReadModel.Current(
                        "f1",
                        "i1",
                        "Høringssvar",
                        DUE,
                        "hast",
                        "OPEN",
                        null,
                        "KKR Nordjylland",
                        "Socialtilsynet",
                        null,
                        false),
                "Hanne Stougaard",
                "hast@kl.dk");

        assertThat(AlertMail.subject(alert(7), followUp, DUE.minusDays(7))).isEqualTo("Frist om 7 dage: Høringssvar");
        assertThat(AlertMail.subject(alert(7), followUp, DUE.minusDays(3))).isEqualTo("Frist om 3 dage: Høringssvar");
        assertThat(AlertMail.subject(alert(1), followUp, DUE.minusDays(1))).isEqualTo("Frist i morgen: Høringssvar");
        assertThat(AlertMail.subject(alert(1), followUp, DUE)).isEqualTo("Frist i dag: Høringssvar");
        assertThat(AlertMail.subject(alert(-1), followUp, DUE.plusDays(4))).isEqualTo("Frist overskredet: Høringssvar");
        assertThat(AlertMail.body(alert(-1), followUp, DUE.plusDays(4)))
                .contains("var lørdag den 31. maj 2025. Den er overskredet med 4 dage.")
                .doesNotContain("Sagsnummer")
                .doesNotContain("Fra teksten");
    }

    static Alert alert(int daysBefore) {
        return new Alert(
                "a1",
                "f1",
                DUE,
                daysBefore,
                "hast",
                Instant.EPOCH,
                "PENDING",
                1,
                Instant.EPOCH,
                "c",
                null,
                null,
                null,
                null,
                null);
    }

    static AlertProperties properties(Duration initial, Duration max) {
        return new AlertProperties(
                true,
                Duration.ofSeconds(30),
                LocalTime.of(7, 0),
                "sagsspor.alerts",
                "sagsspor@sagsspor.dk",
                initial,
                max,
                Duration.ofMinutes(2),
                50,
                Duration.ofSeconds(10));
    }
}
