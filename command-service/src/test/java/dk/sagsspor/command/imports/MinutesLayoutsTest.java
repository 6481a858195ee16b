package dk.sagsspor.command.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dk.sagsspor.command.imports.ParsedMinutes.Participant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The ways other KKR councils and other years lay out the same minutes, one test per variant, each written from the
 * real layout (page furniture and all, as {@code pdftotext} gives it).
 */
class MinutesLayoutsTest {

    /** The day the tests read minutes on: what deadlines in minutes without a date are read against. */
    private static final java.time.LocalDate TODAY = java.time.LocalDate.of(2025, 6, 1);

    @Test
    void readsParticipantsWithACommaBeforeTheParty() {
        ParsedMinutes minutes = MinutesParser.parse("""
                KKR Syddanmark  |  05-03-2024
                Deltagere
                Jesper Frost Rasmussen, (V), Esbjerg Kommune
                Peter Rahbæk Juel, (A) Odense Kommune
                Mads Skau (V), Haderslev Kommune
                Bo Andersen (A) Kolding Kommune
                KL-udvalgsmedlem:
                Anne Berg, (F), Sønderborg Kommune
                Afbud
                Mette Andersen, (V), Fanø Kommune
                Søren Kristensen, (O) Vejen Kommune
                1. Sager til beslutning
                1.1 Godkendelse af dagsorden
                SAG-2024-00100 abcd
                Beslutning
                Dagsordenen blev godkendt.
                """, TODAY);

        assertThat(minutes.participants())
                .containsExactly(
                        new Participant("Jesper Frost Rasmussen", "V", "Esbjerg Kommune", null),
                        new Participant("Peter Rahbæk Juel", "A", "Odense Kommune", null),
                        new Participant("Mads Skau", "V", "Haderslev Kommune", null),
                        new Participant("Bo Andersen", "A", "Kolding Kommune", null),
                        new Participant("Anne Berg", "F", "Sønderborg Kommune", null));
        assertThat(minutes.absent())
                .containsExactly(
                        new Participant("Mette Andersen", "V", "Fanø Kommune", null),
                        new Participant("Søren Kristensen", "O", "Vejen Kommune", null));
        assertThat(minutes.warnings())
                .as("a group heading in the list is no unread line")
                .isEmpty();
    }

    @Test
    void namesEveryParticipantLineItCouldNotRead() {
        ParsedMinutes minutes = MinutesParser.parse("""
                KKR Syddanmark  |  05-03-2024
                Deltagere
                Bo Andersen (A) Kolding Kommune
                Borgmester uden parti fra Ærø
                Afbud
                Fra sekretariatet: Anne Hansen
                1. Sager til beslutning
                1.1 Godkendelse af dagsorden
                SAG-2024-00100 abcd
                Beslutning
                Dagsordenen blev godkendt.
                """, TODAY);

        assertThat(minutes.participants()).extracting(Participant::name).containsExactly("Bo Andersen");
        assertThat(minutes.warnings())
                .contains(
                        "A participant line was not read: \"Borgmester uden parti fra Ærø\"",
                        "An absentee line was not read: \"Fra sekretariatet: Anne Hansen\"");
    }

    @Test
    void readsOfficersSeparatedBySlashesWithSpacesOrCommas() {
        ParsedMinutes minutes = MinutesParser.parse("""
                KKR Sjælland  |  07-10-2024
                1. Sager til beslutning
                1.1 Godkendelse af dagsorden
                SAG-2024-01234 abcd / efgh
                Beslutning
                Godkendt.
                1.2 Godkendelse af referat
                SAG-2024-01234 abcd, efgh, IJKL
                Beslutning
                Godkendt.
                """, TODAY);

        assertThat(minutes.items().get(0).officers()).containsExactly("abcd", "efgh");
        assertThat(minutes.items().get(1).officers()).containsExactly("abcd", "efgh", "ijkl");
    }

    @Test
    void findsThePromisesOfANumberedNextMeetingItemInItsBackground() {
        ParsedMinutes minutes = MinutesParser.parse("""
                KKR Hovedstaden  |  14-11-2024
                5. Sager til orientering
                5.1 Orientering om praktikpladser
                SAG-2024-04444 abcd
                Beslutning
                Taget til efterretning.
                6. Punkter til næste møde
                6.1 Punkter til næste møde
                SAG-2024-04444 abcd/efgh
                Baggrund
                Næste møde i KKR Hovedstaden afholdes den 6. februar 2025. Følgende punkter forventes på dagsordenen:
                – Budget for Fælles Sprogcenter 2025
                – Status på sundhedsklyngerne
                - Udpegning til Vækstforum
                Beslutning
                KKR Hovedstaden tog orienteringen til efterretning.
                """, TODAY);

        assertThat(minutes.nextMeeting()).isNotNull();
        assertThat(minutes.nextMeeting().date()).isEqualTo(LocalDate.of(2025, 2, 6));
        assertThat(minutes.nextMeeting().expectedItems())
                .containsExactly(
                        "Budget for Fælles Sprogcenter 2025",
                        "Status på sundhedsklyngerne",
                        "Udpegning til Vækstforum");
    }

    @Test
    void readsADeadlineWithoutAYearAgainstTheDayItIsReadWhenTheMinutesGiveNoDate() {
        String undated = """
                6. Punkter til næste møde
                6.1 Høring om trafikplan
                SAG-2024-04444 abcd
                Beslutning
                Svar sendes senest den 31. maj.
                """;

        // the first 31 May on or after the day the minutes are read: this year's, or next year's once it has passed
        assertThat(MinutesParser.parse(undated, LocalDate.of(2025, 3, 1)).deadlines())
                .extracting(ParsedMinutes.Deadline::date)
                .containsExactly(LocalDate.of(2025, 5, 31));
        assertThat(MinutesParser.parse(undated, LocalDate.of(2025, 6, 1)).deadlines())
                .extracting(ParsedMinutes.Deadline::date)
                .containsExactly(LocalDate.of(2026, 5, 31));
    }

    @Test
    void findsThePromisesOfANextMeetingItemThatGivesNoDate() {
        ParsedMinutes minutes = MinutesParser.parse("""
                KKR Hovedstaden  |  14-11-2024
                6. Punkter til næste møde
                6.1 Punkter til næste møde
                SAG-2024-04444 abcd
                Baggrund
                Følgende punkter forventes på dagsordenen for næste møde:
                – Budget for Fælles Sprogcenter 2025
                – Status på sundhedsklyngerne
                Beslutning
                Til efterretning.
                """, TODAY);

        assertThat(minutes.nextMeeting()).isNotNull();
        assertThat(minutes.nextMeeting().date()).isNull();
        assertThat(minutes.nextMeeting().expectedItems())
                .containsExactly("Budget for Fælles Sprogcenter 2025", "Status på sundhedsklyngerne");
    }

    @Test
    void endsADecisionWhereItEndsNotAtThePageFurnitureAfterIt() {
        ParsedMinutes minutes = MinutesParser.parse("""
                KKR Midtjylland  |  12-06-2025
                2. Sager til beslutning
                2.1 Høring om trafikplan
                SAG-2025-01234 abcd
                Indstilling
                Det indstilles, at KKR godkender høringssvaret¹.
                Beslutning
                KKR Midtjylland godkendte høringssvaret.
                1 https://www.kl.dk/media/12345/trafikplan-2025.pdf
                2 www.midttrafik.dk/trafikplan
                KKR Midtjylland | 12. juni 2025
                Side 4 af 9
                7
                2.2 Regional udviklingsstrategi
                SAG-2025-01234 abcd
                Beslutning
                KKR Midtjylland tog orienteringen til efterretning.
                KKR MIDTJYLLAND | 12-06-2025
                SIDE | 5
                3. Eventuelt
                """, TODAY);

        assertThat(minutes.items())
                .extracting(ParsedMinutes.Item::decision)
                .containsExactly(
                        "KKR Midtjylland godkendte høringssvaret.",
                        "KKR Midtjylland tog orienteringen til efterretning.");
    }

    @Test
    void keepsATableOutOfTheDecisionAndSaysSo() {
        ParsedMinutes minutes = MinutesParser.parse("""
                KKR Nordjylland  |  11-04-2025
                3. Sager til beslutning
                3.3 Vækst Via Viden
                SAG-2025-00681 hast
                Beslutning
                KKR Nordjylland godkendte måltallet for 2025.
                Kommune          2023      2024      2025
                Aalborg            42        45        50
                Hjørring           12        14        15
                I alt              54        59        65
                3.4 Næste punkt
                SAG-2025-00681 hast
                Beslutning
                Godkendt.
                """, TODAY);

        assertThat(minutes.items().get(0).decision()).isEqualTo("KKR Nordjylland godkendte måltallet for 2025.");
        assertThat(minutes.warnings())
                .anySatisfy(w -> assertThat(w)
                        .startsWith("Item 3.3: a table of 4 lines after its decision was left out")
                        .contains("Aalborg            42        45        50"));
    }

    @Test
    void recordsNoTimeAndNoPlaceWhereTheMinutesStateNone() {
        ParsedMinutes minutes = MinutesParser.parse("""
                KKR Sjælland  |  07-10-2024
                1. Sager til beslutning
                1.1 Godkendelse af dagsorden
                SAG-2024-01234 abcd
                Beslutning
                Godkendt.
                """, TODAY);

        assertThat(minutes.meetingDate()).isEqualTo(LocalDate.of(2024, 10, 7));
        assertThat(minutes.meetingTime()).isNull();
        assertThat(minutes.location()).isNull();
    }

    @Test
    void listsEveryLineItCouldNotPlaceWithItsLineNumber() {
        ParsedMinutes minutes = MinutesParser.parse("""
                REFERAT 2024
                KKR Sjælland  |  07-10-2024
                Dato: 07-10-2024 kl. 13.00
                Sted: Ringsted Rådhus
                Deltagere
                Bo Andersen (A) Ringsted Kommune
                Mødet blev ledet af formanden
                1. Sager til beslutning
                1.1 Godkendelse af dagsorden
                SAG-2024-01234 abcd
                Beslutning
                Godkendt.
                SIDE | 2
                2. Eventuelt
                Intet at bemærke.
                """, TODAY);

        assertThat(minutes.unplaced())
                .containsExactly(
                        new ParsedMinutes.UnplacedLine(1, "REFERAT 2024", "before the first item"),
                        new ParsedMinutes.UnplacedLine(7, "Mødet blev ledet af formanden", "before the first item"),
                        new ParsedMinutes.UnplacedLine(15, "Intet at bemærke.", "after item 1.1"));
        assertThat(minutes.items()).hasSize(1);
        assertThat(minutes.warnings())
                .as("text among the items that an import would lose is named; the cover page is not")
                .contains("Line 15 (after item 1.1) was read into nothing: \"Intet at bemærke.\"")
                .noneMatch(warning -> warning.contains("REFERAT"));
    }

    @Test
    void placesEveryLineOfTheRealSamplesButTheirCoverPage() {
        for (String sample : new String[] {"000_568beadeaf072874.txt", "002_bdad476e3f54bb17.txt"}) {
            ParsedMinutes minutes = MinutesParser.parse(MinutesParserTest.sample(sample), TODAY);

            assertThat(minutes.unplaced())
                    .as("%s: only cover text before the first item", sample)
                    .allSatisfy(line -> assertThat(line.where()).isEqualTo("before the first item"));
        }
    }

    @Test
    void readsTheMeetingsDayTimeAndPlaceUnderTheirOtherLabels() {
        ParsedMinutes minutes = MinutesParser.parse("""
                Referat
                Mødedato: 14. juni 2022
                Mødetidspunkt: kl. 10.00 - 12.30
                Mødested: Viborg Rådhus, Prinsens Allé 5, Viborg
                1. Sager til beslutning
                1.1 Godkendelse af dagsorden
                SAG-2022-00311 jbje
                Beslutning
                Godkendt.
                """, TODAY);

        assertThat(minutes.meetingDate()).isEqualTo(LocalDate.of(2022, 6, 14));
        assertThat(minutes.meetingTime()).isEqualTo(java.time.LocalTime.of(10, 0));
        assertThat(minutes.meetingEnd()).isEqualTo(java.time.LocalTime.of(12, 30));
        assertThat(minutes.location()).isEqualTo("Viborg Rådhus, Prinsens Allé 5, Viborg");
        assertThat(MinutesParser.parse("""
                                KKR Sjælland  |  07-10-2024
                                Dato: 07-10-2024, kl. 9.30-11.00
                                1. Sager til beslutning
                                1.1 Godkendelse af dagsorden
                                SAG-2024-01234 abcd
                                Beslutning
                                Godkendt.
                                """, TODAY).meetingEnd()).isEqualTo(java.time.LocalTime.of(11, 0));
    }

    @Test
    void readsAPartWhoseTextStandsOnItsHeadingsLine() {
        ParsedMinutes minutes = MinutesParser.parse("""
                KKR Midtjylland  |  14-06-2022
                1. Godkendelse af dagsorden
                1.1 Godkendelse af dagsorden
                SAG-2022-00311 jbje
                Indstilling: Det indstilles, at dagsordenen godkendes.
                Beslutning: Dagsordenen blev godkendt.
                """, TODAY);

        assertThat(minutes.items().getFirst().recommendation()).isEqualTo("Det indstilles, at dagsordenen godkendes.");
        assertThat(minutes.items().getFirst().decision()).isEqualTo("Dagsordenen blev godkendt.");
        assertThat(minutes.warnings()).isEmpty();
    }

    @Test
    void readsTheAttachmentsAnItemListsAndKeepsThemOutOfItsTexts() {
        ParsedMinutes minutes = MinutesParser.parse("""
                KKR Midtjylland  |  14-06-2022
                2. Sager til beslutning
                2.1 Fordeling af flygtninge 2023
                SAG-2022-00415 jbje/mkni
                Beslutning
                KKR Midtjylland godkendte fordelingen.
                Bilag
                Bilag 1: Kvotefordeling 2023
                Bilag 2: Notat om boligsituationen
                2.2 Uddannelsesdækning på ungdomsuddannelserne
                SAG-2022-00420 anbe
                Bilag
                Bilag 1: Kort over uddannelsesdækning
                Beslutning
                KKR Midtjylland tog orienteringen til efterretning.
                """, TODAY);

        assertThat(minutes.items().get(0).decision()).isEqualTo("KKR Midtjylland godkendte fordelingen.");
        assertThat(minutes.items().get(0).attachments())
                .containsExactly("Bilag 1: Kvotefordeling 2023", "Bilag 2: Notat om boligsituationen");
        assertThat(minutes.items().get(1).presentation()).isNull();
        assertThat(minutes.items().get(1).attachments()).containsExactly("Bilag 1: Kort over uddannelsesdækning");
        assertThat(minutes.warnings()).as("no text before a part heading").isEmpty();
    }
}
