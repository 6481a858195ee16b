package dk.sagsspor.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import dk.sagsspor.deadlines.UndertakingExtractor.Undertaking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each pattern of {@link UndertakingExtractor} with the sentences it must find (from the real minutes of test-support's
 * {@code samples/minutes} and from the decisions secretariats write) and the near-misses it must not. The real minutes
 * read whole, through the importer, are {@code MinutesParserTest}'s.
 */
class UndertakingExtractorTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            at-a-later-meeting | En opdatering på sundhedsreformen ønskes på næste møde.
            at-a-later-meeting | Strategi og handlingsplan forelægges for KKR på et kommende møde.
            at-a-later-meeting | KKR Nordjylland efterspurgt en temadrøftelse på et kommende KKR-møde omkring udgifter på det specialiserede socialområde.
            at-a-later-meeting | Ønske om en temadrøftelse af udgiftsudviklingen på det specialiserede socialområdet på det kommende møde i KKR.
            at-a-later-meeting | Sagen behandles igen på et af de kommende møder.
            at-a-later-meeting | Resultaterne præsenteres til et senere møde.
            resumed            | Sagen genoptages, når den regionale analyse foreligger.
            resumed            | Punktet genoptages i efteråret.
            comes-back         | Forvaltningen vender tilbage til KKR med en plan for implementeringen.
            comes-back         | Sekretariatet vender tilbage med et oplæg.
            """)
    void findsWhatItsPatternIsFor(String pattern, String sentence) {
        assertThat(UndertakingExtractor.find("KKR Nordjylland godkendte indstillingen. " + sentence))
                .containsExactly(new Undertaking(sentence, pattern));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                // a next meeting's date or place is no undertaking
                "Næste møde i KKR Nordjylland afholdes den 20. juni 2025.",
                "Det blev aftalt, at næste møde i DEB afholdes på Aalborg Portland.",
                // another body's meetings
                "Der arbejdes for at sikre fælles forberedelse af møderne i de kommende sundhedsråd.",
                // the minutes' own heading of promises
                "Sager til næste møde",
                "Punkter til næste møde.",
                // the present meeting, the past
                "På mødet i KKR Nordjylland den 28. april 2023 forelægges KKR et revideret udkast.",
                "Drøftelsen blev genoptaget efter pausen.",
                "Formanden vendte tilbage til KKR efter sin orlov.",
                "Hun vender tilbage til arbejdet i maj.",
                // a wish with no meeting in it
                "Der ønskes inputs til drøftelsen fra DAS på Socialområdet.",
                "KKR Nordjylland tog sagen til efterretning."
            })
    void passesOverANearMiss(String sentence) {
        assertThat(UndertakingExtractor.find(sentence)).isEmpty();
    }

    @Test
    void everyPatternIsTestedHere() {
        assertThat(UndertakingExtractor.PATTERNS.keySet())
                .containsExactly("at-a-later-meeting", "resumed", "comes-back");
    }
}
