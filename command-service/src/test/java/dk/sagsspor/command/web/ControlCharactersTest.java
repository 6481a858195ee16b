package dk.sagsspor.command.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ControlCharactersTest {

    record Inner(String text) {}

    record Command(String id, String title, List<String> corrections, Optional<String> note, Inner inner) {}

    @Test
    void acceptsTextWithTabsAndLineBreaksAndDanishLetters() {
        assertThatCode(() -> ControlCharacters.check(
                        new Command("1", "Æbler, øl og å\ttab", List.of("linje 1\r\nlinje 2"), Optional.empty(), null)))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesANulCharacterAndNamesTheField() {
        assertThatThrownBy(
                        () -> ControlCharacters.check(new Command("1", "A\u0000B", List.of(), Optional.empty(), null)))
                .isInstanceOfSatisfying(
                        InvalidRequest.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.errors())
                                .extracting(InvalidRequest.FieldError::field)
                                .containsExactly("title"));
    }

    @Test
    void namesEveryFieldThatHoldsAControlCharacterInListsOptionalsAndNestedRecords() {
        assertThatThrownBy(() -> ControlCharacters.check(new Command(
                        "1", "ok", List.of("ok", "bad\u001b[31m"), Optional.of("\u007f"), new Inner("\u0085"))))
                .isInstanceOfSatisfying(
                        InvalidRequest.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.errors())
                                .extracting(InvalidRequest.FieldError::field)
                                .containsExactly("corrections[1]", "note", "inner.text"));
    }
}
