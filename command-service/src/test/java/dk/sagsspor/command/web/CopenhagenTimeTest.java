package dk.sagsspor.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CopenhagenTimeTest {

    @Test
    void readsDanishLocalTimeAndTimesWithAnOffset() {
        assertThat(CopenhagenTime.parse("start", "2025-04-11T10:00")).isEqualTo(Instant.parse("2025-04-11T08:00:00Z"));
        assertThat(CopenhagenTime.parse("start", "2025-01-10T10:00")).isEqualTo(Instant.parse("2025-01-10T09:00:00Z"));
        assertThat(CopenhagenTime.parse("start", "2031-03-30T02:30:00+01:00"))
                .isEqualTo(Instant.parse("2031-03-30T01:30:00Z"));
        assertThat(CopenhagenTime.parse("start", null)).isNull();
    }

    @Test
    void refusesALocalTimeTheClocksSkipInsteadOfMovingIt() {
        assertThatThrownBy(() -> CopenhagenTime.parse("start", "2031-03-30T02:30"))
                .isInstanceOf(InvalidRequest.class)
                .hasMessageContaining("start")
                .hasMessageContaining("does not exist in Danish time");
    }

    @Test
    void refusesALocalTimeTheClocksPassTwiceInsteadOfGuessing() {
        assertThatThrownBy(() -> CopenhagenTime.parse("start", "2031-10-26T02:30"))
                .isInstanceOf(InvalidRequest.class)
                .hasMessageContaining("occurs twice");
        assertThat(CopenhagenTime.parse("start", "2031-10-26T02:30:00+01:00"))
                .isEqualTo(Instant.parse("2031-10-26T01:30:00Z"));
    }
}
