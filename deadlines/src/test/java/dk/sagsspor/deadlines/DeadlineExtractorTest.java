package dk.sagsspor.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import dk.sagsspor.deadlines.DeadlineExtractor.Deadline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The deadline extractor against the real minutes (test-support's {@code samples/minutes}), checked against lists written by
 * hand after reading them, and against the kinds of dates that are not deadlines.
 */
class DeadlineExtractorTest {

    @Test
    void findsEveryDatedDeadlineInTheApril2025MinutesAndNothingElse() throws IOException {
        List<Deadline> found = DeadlineExtractor.find(sample("000_568beadeaf072874.txt"), LocalDate.of(2025, 4, 11));

        // By hand: item 3.1 (specialised social services) reports "senest den 31. maj 2025" and the new offer
        // must be implemented "inden 1. januar 2026"; item 4.x (the health reform) names two hearing deadlines.
        assertThat(found)
                .extracting(Deadline::date)
                .containsExactly(
                        LocalDate.of(2026, 1, 1),
                        LocalDate.of(2025, 5, 31),
                        LocalDate.of(2025, 3, 9),
                        LocalDate.of(2025, 3, 19));
        assertThat(found.get(1).quote())
                .isEqualTo("Afrapporteringen skal sendes til Social- og Boligstyrelsen senest den 31. maj 2025.");
        assertThat(found.get(0).quote()).contains("fuldt implementeret inden 1. januar 2026");
        assertThat(found.get(2).cue()).isEqualTo("høringsfrist");
        assertThat(found.get(2).quote())
                .as("the whole sentence, not cut at the dot of a day")
                .isEqualTo("Lov om ny forvaltningsstruktur og lov om det almenmedicinske tilbud havde høringsfrist den"
                        + " 9. marts 2025 og overgangsloven havde høringsfrist den 19. marts 2025.");
        assertThat(found.get(3).quote()).isEqualTo(found.get(2).quote());
    }

    @Test
    void aQuoteEndsWhereItsSentenceEndsNotAtTheDotOfADayOrAnAbbreviation() {
        assertThat(DeadlineExtractor.find(
                        "Tilskuddet på 4,2 mio. kr. søges senest den 1. marts 2026 og 2. juni. Næste punkt.",
                        LocalDate.of(2025, 4, 11)))
                .extracting(Deadline::quote)
                .containsExactly("Tilskuddet på 4,2 mio. kr. søges senest den 1. marts 2026 og 2. juni.");
    }

    @Test
    void theApril2023MinutesHaveNoDatedDeadlinesOnlyMeetingDatesPeriodsAndPlans() throws IOException {
        // By hand: the dates in these minutes are meetings ("møde den 28. april 2023"), a hearing period ("fra 28.
        // juni til 8. september"), agenda and minutes sent out, and plans ("fremsendes … den 20. juni 2023").
        assertThat(DeadlineExtractor.find(sample("002_bdad476e3f54bb17.txt"), LocalDate.of(2023, 4, 28)))
                .isEmpty();
    }

    @Test
    void infersAMissingYearFromTheMeetingDay() {
        assertThat(DeadlineExtractor.find("Svar sendes senest den 10. september.", LocalDate.of(2025, 4, 11)))
                .extracting(Deadline::date)
                .containsExactly(LocalDate.of(2025, 9, 10));
        assertThat(DeadlineExtractor.find("Høringsfrist d. 15. januar.", LocalDate.of(2025, 11, 20)))
                .extracting(Deadline::date)
                .containsExactly(LocalDate.of(2026, 1, 15));
    }

    @Test
    void datesWithoutADeadlineWordAreNotDeadlines() {
        String text = "Næste møde afholdes den 20. juni 2025. Loven træder i kraft den 1. januar 2027. Høringen løber"
                + " fra 28. juni til 8. september. Der arbejdes inden for rammerne af aftalen fra 2. maj 2024.";

        assertThat(DeadlineExtractor.find(text, LocalDate.of(2025, 4, 11))).isEmpty();
    }

    @Test
    void readsTextAsExtractedFromPdfAndRefusesImpossibleDays() {
        String pdf = "Ansøgningsfristen ud-\n\nløber senest den 3. \n\nmarts \n\n2026 for alle.";

        assertThat(DeadlineExtractor.find(pdf, LocalDate.of(2025, 4, 11)))
                .extracting(Deadline::date, Deadline::quote)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        LocalDate.of(2026, 3, 3), "Ansøgningsfristen udløber senest den 3. marts 2026 for alle."));
        assertThat(DeadlineExtractor.find("senest den 31. februar 2026", LocalDate.of(2025, 4, 11)))
                .isEmpty();
        assertThat(DeadlineExtractor.find(null, null)).isEmpty();
    }

    private static String sample(String name) throws IOException {
        try (var in = DeadlineExtractorTest.class.getResourceAsStream("/samples/minutes/" + name)) {
            assertThat(in).as("sample " + name + " on the test classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
