package dk.sagsspor.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VersionsTest {

    @Test
    void readsTheVersionOfAStrongEntityTag() {
        assertThat(Versions.expected("\"3\"")).isEqualTo(3L);
        assertThat(Versions.expected("*")).isNull();
        assertThat(Versions.expected(null)).isNull();
    }

    @Test
    void refusesAWeakEntityTagWhichNeverMatchesOnAWrite() {
        // If-Match compares strongly (RFC 9110, 13.1.1): W/"1" must not make a write conditional on version 1
        assertThatThrownBy(() -> Versions.expected("W/\"1\""))
                .isInstanceOfSatisfying(
                        InvalidRequest.class,
                        e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                            assertThat(error.field()).isEqualTo("If-Match");
                            assertThat(error.message()).contains("weak");
                        }));
    }
}
