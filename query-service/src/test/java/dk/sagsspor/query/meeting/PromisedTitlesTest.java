package dk.sagsspor.query.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromisedTitlesTest {

    @Test
    void matchesTheSameTitleWhateverTheCaseAndPunctuation() {
        assertThat(PromisedTitles.matches("KKR fremadrettet", "KKR Fremadrettet."))
                .isTrue();
        assertThat(PromisedTitles.matches(
                        "Socialtilsyn Nords årsrapport for 2022", "Socialtilsyn Nords årsrapport 2022"))
                .isTrue();
    }

    @Test
    void matchesATitleThatSaysMoreThanThePromise() {
        assertThat(PromisedTitles.matches("KKR fremadrettet", "KKR fremadrettet – drøftelse af temaer for 2026"))
                .isTrue();
    }

    @Test
    void matchesTwoThirdsOfTheWordsOfALongerPromise() {
        assertThat(PromisedTitles.matches(
                        "Rammeaftale for det specialiserede socialområde 2026",
                        "Rammeaftale 2026 – det specialiserede område"))
                .isTrue();
    }

    @Test
    void doesNotMatchAnotherItemThatSharesAWord() {
        assertThat(PromisedTitles.matches("KKR fremadrettet", "Godkendelse af referat fra KKR"))
                .isFalse();
        assertThat(PromisedTitles.matches("Socialtilsyn Nords årsrapport for 2022", "Årsrapport for 2022 fra Movia"))
                .isFalse();
        assertThat(PromisedTitles.matches("Budget", "")).isFalse();
        assertThat(PromisedTitles.matches("og i af", "og i af")).isFalse();
    }
}
