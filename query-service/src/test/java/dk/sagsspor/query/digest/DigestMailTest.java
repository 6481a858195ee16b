package dk.sagsspor.query.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dk.sagsspor.query.digest.Digest.DigestChange;
import dk.sagsspor.query.digest.Digest.DigestFollowUp;
import dk.sagsspor.query.digest.Digest.DigestItem;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestMailTest {

    static final OffsetDateTime AFTER = OffsetDateTime.parse("2025-06-09T06:55+02:00");
    static final OffsetDateTime UNTIL = OffsetDateTime.parse("2025-06-16T06:55+02:00");

    @Test
    void writesTheOverdueFirstThenWhatIsComingTheItemsAndTheChangesByItem() {
        Digest digest = hastsWeek25(
                List.of(
                        new DigestFollowUp(
                                "f1",
                                "Afrapportering til styrelsen",
                                LocalDate.of(2025, 6, 15),
                                true,
                                -1,
                                "i1",
                                "Socialtilsynet",
                                "KKR Nordjylland",
                                "SAG-2025-00712",
                                null),
                        new DigestFollowUp(
                                "f2",
                                "Status til KKR",
                                LocalDate.of(2025, 6, 16),
                                false,
                                0,
                                "i1",
                                "Socialtilsynet",
                                "KKR Nordjylland",
                                null,
                                null),
                        new DigestFollowUp(
                                "f3",
                                "Svar til KL",
                                LocalDate.of(2025, 6, 30),
                                false,
                                14,
                                "i1",
                                "Socialtilsynet",
                                "KKR Nordjylland",
                                null,
                                null)),
                List.of(new DigestItem(
                        "i2",
                        "Budget 2026",
                        "KKR Nordjylland",
                        "SAG-2025-00681",
                        "SCHEDULED",
                        "m1",
                        OffsetDateTime.parse("2025-09-11T10:00+02:00"),
                        2,
                        0,
                        AFTER,
                        UNTIL)),
                List.of(
                        change("i1", "Socialtilsynet", "2025-06-10T10:15+02:00", "tester", "Besluttet: tiltrådt"),
                        change("i2", "Budget 2026", "2025-06-11T09:00+02:00", null, "Sat på dagsordenen"),
                        change("i1", "Socialtilsynet", "2025-06-12T14:30+02:00", "tester", "Opfølgning tildelt")));

        assertThat(DigestMail.subject(digest))
                .isEqualTo(
                        "Ugens overblik, uge 25: 1 overskreden frist, 2 kommende frister, 1 sag i gang, 3 ændringer");
        assertThat(DigestMail.body(digest)).isEqualTo("""
                Kære Hanne Stougaard

                Her er dit overblik over dine frister og sager i Sagsspor for uge 25.

                Overskredne frister (1)
                -----------------------
                - 15. juni 2025 (overskredet med 1 dag): Afrapportering til styrelsen
                    Socialtilsynet, KKR Nordjylland, SAG-2025-00712

                Kommende frister (2)
                --------------------
                - 16. juni 2025 (i dag): Status til KKR
                    Socialtilsynet, KKR Nordjylland
                - 30. juni 2025 (om 14 dage): Svar til KL
                    Socialtilsynet, KKR Nordjylland

                Sager, du er sagsbehandler på, som ikke er afsluttet (1)
                --------------------------------------------------------
                - Budget 2026, KKR Nordjylland, SAG-2025-00681
                    på dagsordenen til mødet torsdag den 11. september 2025, udsat 2 gange

                Ændringer siden 9. juni 2025 kl. 06.55 (3)
                ------------------------------------------
                - Socialtilsynet
                    10. juni 2025 kl. 10.15, tester: Besluttet: tiltrådt
                    12. juni 2025 kl. 14.30, tester: Opfølgning tildelt
                - Budget 2026
                    11. juni 2025 kl. 09.00: Sat på dagsordenen

                Overblikket sendes hver uge. Vil du ikke have det, kan du framelde det i Sagsspor \
                (PUT /api/digests/hast/subscription med {"subscribed": false}) eller bede sekretariatet om det.

                Denne besked er sendt automatisk af Sagsspor.
                """);
    }

    @Test
    void saysSoWhenThereIsNothingOfAKind() {
        Digest digest =
                new Digest("hast", "Hanne Stougaard", "2025-W02", true, AFTER, UNTIL, List.of(), List.of(), List.of());
        assertThat(DigestMail.subject(digest)).isEqualTo("Ugens overblik, uge 2: intet nyt");
        assertThat(DigestMail.body(digest))
                .contains("Du har ingen åbne opfølgninger.")
                .contains("Ingen ændringer i dine sager.")
                .doesNotContain("Overskredne frister");
    }

    @Test
    void keepsTwoItemsWithOneTitleApartByTheirMeetingAndTheirChanges() {
        Digest digest = hastsWeek25(
                List.of(),
                List.of(new DigestItem(
                        "i1",
                        "Godkendelse af referat",
                        "KKR Nordjylland",
                        null,
                        "DECIDED",
                        "m1",
                        OffsetDateTime.parse("2025-04-11T10:00+02:00"),
                        0,
                        1,
                        AFTER,
                        UNTIL)),
                List.of(
                        change("i1", "Godkendelse af referat", "2025-06-10T10:15+02:00", "hast", "Besluttet"),
                        change("i2", "Godkendelse af referat", "2025-06-11T09:00+02:00", "hast", "Sat på dagsordenen"),
                        change(
                                "i1",
                                "Godkendelse af referat",
                                "2025-06-12T14:30+02:00",
                                "hast",
                                "Opfølgning tildelt")));

        assertThat(DigestMail.body(digest)).contains("""
                - Godkendelse af referat, KKR Nordjylland
                    afgjort på mødet fredag den 11. april 2025, 1 åben opfølgning
                """).contains("""
                - Godkendelse af referat
                    10. juni 2025 kl. 10.15, hast: Besluttet
                    12. juni 2025 kl. 14.30, hast: Opfølgning tildelt
                - Godkendelse af referat
                    11. juni 2025 kl. 09.00, hast: Sat på dagsordenen
                """);
    }

    /** Hanne Stougaard's digest of week 25. */
    private static Digest hastsWeek25(
            List<DigestFollowUp> followUps, List<DigestItem> items, List<DigestChange> changes) {
        return new Digest("hast", "Hanne Stougaard", "2025-W25", true, AFTER, UNTIL, followUps, items, changes);
    }

    private static DigestChange change(String item, String name, String at, String actor, String summary) {
        OffsetDateTime time = OffsetDateTime.parse(at);
        return new DigestChange(item, name, time, time, actor, "AgendaItemDecided", summary);
    }
}
