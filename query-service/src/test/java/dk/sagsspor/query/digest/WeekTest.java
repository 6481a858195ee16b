package dk.sagsspor.query.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class WeekTest {

    @Test
    void theDaysAroundNewYearBelongToTheirIsoWeek() {
        assertThat(Week.of(LocalDate.of(2026, 12, 31)).toString()).isEqualTo("2026-W53");
        assertThat(Week.of(LocalDate.of(2027, 1, 3)).toString()).isEqualTo("2026-W53");
        assertThat(Week.of(LocalDate.of(2027, 1, 4)).toString()).isEqualTo("2027-W01");
        assertThat(Week.of(LocalDate.of(2024, 12, 30)).toString()).isEqualTo("2025-W01");
    }

    @Test
    void anInstantIsInTheWeekOfItsDanishDay() {
        // Sunday 23:30 UTC is Monday 00:30 in Copenhagen (winter time)
        assertThat(Week.of(Instant.parse("2025-12-07T23:30:00Z")).toString()).isEqualTo("2025-W50");
        assertThat(Week.of(Instant.parse("2025-12-07T22:30:00Z")).toString()).isEqualTo("2025-W49");
    }

    @Test
    void theDayAndTimeOfAWeekAreDanishInSummerAndInWinter() {
        assertThat(Week.parse("2025-W25").at(DayOfWeek.MONDAY, LocalTime.of(7, 0)))
                .isEqualTo(Instant.parse("2025-06-16T05:00:00Z"));
        assertThat(Week.parse("2025-W50").at(DayOfWeek.FRIDAY, LocalTime.of(7, 0)))
                .isEqualTo(Instant.parse("2025-12-12T06:00:00Z"));
    }

    @Test
    void parsesWhatItWritesAndRefusesWeeksThatDoNotExist() {
        assertThat(Week.parse("2026-W53")).isEqualTo(new Week(2026, 53));
        assertThat(Week.parse("2026-W53").monday()).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThatThrownBy(() -> Week.parse("2025-W53")).hasMessage("the year 2025 has no week 53");
        assertThatThrownBy(() -> Week.parse("2025-W00")).hasMessage("the year 2025 has no week 0");
        assertThatThrownBy(() -> Week.parse("2025-W54")).hasMessage("the year 2025 has no week 54");
        assertThatThrownBy(() -> Week.parse("2025-49")).hasMessage("must be an ISO week as 2026-W49");
    }

    @Test
    void weeksAreOrderedAcrossYears() {
        assertThat(Week.parse("2025-W52")).isLessThan(Week.parse("2026-W01"));
        assertThat(Week.parse("2026-W02")).isGreaterThan(Week.parse("2026-W01"));
    }
}
