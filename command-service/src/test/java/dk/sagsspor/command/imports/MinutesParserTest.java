package dk.sagsspor.command.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.sagsspor.command.imports.ParsedMinutes.Item;
import dk.sagsspor.command.imports.ParsedMinutes.Participant;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The real minutes in test-support's samples, against what a person reading them wrote down: every item's number,
 * section, title, case number, officers, which parts it has (B Baggrund, I Indstilling, S Sagsfremstilling, D
 * Beslutning) and the first sentence of its decision; the header; the next meeting; the deadlines.
 */
class MinutesParserTest {

    /** The day the tests read minutes on: what deadlines in minutes without a date are read against. */
    private static final java.time.LocalDate TODAY = java.time.LocalDate.of(2025, 6, 1);

    /** number | section | title | case number | officers | parts | first sentence of the decision. */
    static final List<String> SAMPLE_000 = List.of(
            "1.1 | Godkendelse af referat | Godkendelse af dagsorden | SAG-2018-00981 | hast | BISD"
                    + " | KKR Nordjylland godkendte dagsordenen.",
            "1.2 | Godkendelse af referat | Godkendelse af referat | SAG-2025-00681 | hast | BISD"
                    + " | KKR Nordjylland godkendte referatet.",
            "2.1 | Siden sidst | Siden sidst | SAG-2025-00681 | hast | ISD"
                    + " | KKR Nordjylland tog sagen til efterretning.",
            "3.1 | Regionalpolitiske sager | Kommunernes økonomiforhandlinger for 2026 | SAG-2025-00681 | haan/hast"
                    + " | BISD | Kristian Vendelbo, administrerende direktør i KL, indledte mødet med et kort oplæg for at"
                    + " rammesætte ØA26-drøftelsen.",
            "3.2 | Regionalpolitiske sager | Temadrøftelse – STIME, lettilgængelige tilbud, ventetider, mm"
                    + " | SAG-2025-00681 | hast | BISD | Punktet blev indledt med oplæg fra Jan Mainz, psykiatridirektør"
                    + " i Region Nordjylland, og Morten Lund, direktør i Vesthimmerlands Kommune.",
            "3.3 | Regionalpolitiske sager | Vækst Via Viden | SAG-2025-00681 | hast | BISD"
                    + " | KKR Nordjylland drøftede sagen og godkendte måltallet for 2025.",
            "3.4 | Regionalpolitiske sager | Afrapportering vedr. central udmelding for udsatte gravide med et"
                    + " skadeligt rusmiddelbrug | SAG-2025-00681 | hast | BISD | KKR Nordjylland godkendte"
                    + " afrapporteringen på Social- og Boligstyrelsens centrale udmelding vedr. gravide med skadeligt"
                    + " rusmiddelbrug.",
            "3.5 | Regionalpolitiske sager | Orientering - status på socialområdet | SAG-2025-00681 | kanm/hast"
                    + " | BISD | KKR Nordjylland tog sagen til efterretning.",
            "3.6 | Regionalpolitiske sager | Orientering – aftale om reform af professionsbachelor og"
                    + " erhvervsakademiuddannelserne i Danmark | SAG-2025-00681 | anml/hast | BISD"
                    + " | KKR Nordjylland tog sagen til efterretning.",
            "3.7 | Regionalpolitiske sager | Status på implementeringen af sundhedsreformen | SAG-2025-00681"
                    + " | jjc/asfp/emmj/hast | BISD | KKR Nordjylland tog sagen til efterretning.",
            "3.8 | Regionalpolitiske sager | Orientering – Aftale om Rød løber til produktionsvirksomheder"
                    + " | SAG-2025-00681 | anha/hast | BISD | KKR Nordjylland tog sagen til efterretning.",
            "4.1 | Punkter til næste møde | Sager til næste møde | SAG-2025-00681 | hast | ISD"
                    + " | KKR Nordjylland tog sagen til efterretning.");

    static final List<String> SAMPLE_002 = List.of(
            "1.1 | Godkendelse af referat | Godkendelse af dagsorden | SAG-2023-01519 |  | BISD"
                    + " | Dagsordenen blev godkendt.",
            "1.2 | Godkendelse af referat | Godkendelse af referat | SAG-2023-01519 |  | BISD"
                    + " | Referatet blev godkendt.",
            "2.1 | Regionalpolitiske sager | KKR Nordjyllands indspil til regionalt bidrag til national"
                    + " erhvervsfremmestrategi 2024-27 | SAG-2023-01519 |  | BISD | Efter oplæg fra Mogens Christen"
                    + " Gade, formand for Erhvervshus Nordjylland, og Lars Erik Jønsson, direktør for Erhvervshus"
                    + " Nordjylland, om det nordjyske bidrag til regionalt kapitel og regionale vinkler på DEBS’s"
                    + " strategiske indsatser, var der politiske gruppedrøftelser.",
            "2.2 | Regionalpolitiske sager | Opfølgning på Erhvervshus Nordjyllands Resultatkontrakt 2022"
                    + " | SAG-2023-01519 |  | BISD | For så vidt angår mål 6 har Erhvervshus Nordjylland fået data,"
                    + " der dog skal analyseres nærmere.",
            "2.3 | Regionalpolitiske sager | Temadrøftelse om sundhedsområdet og samarbejdet i sundhedsklyngerne"
                    + " | SAG-2022-03423 | snm/hast | BISD | I forhold til arbejdet i de politiske sundhedsklynger bør"
                    + " der være et særligt fokus på at holde politiske og administrative opgaver/drøftelser adskilt.",
            "2.4 | Regionalpolitiske sager | Henvendelse fra Samarbejdsudvalg for fysioterapi | SAG-2023-01519 |"
                    + "  | BISD | KKR Nordjylland drøftede sagen og aftalte, at KKR-sekretariatet gør KL opmærksom på"
                    + " problemstillingen.",
            "2.5 | Regionalpolitiske sager | National klimapartnerskabsaftale og governancestruktur i Nordjylland"
                    + " | SAG-2023-01519 |  | BISD | KKR Nordjylland drøftede sagen og godkendte det reviderede oplæg"
                    + " til governancestruktur for Klimaalliancen i Nordjylland.",
            "2.6 | Regionalpolitiske sager | Børnehus Nord – budget og takster for 2023 | SAG-2023-01519 |  | BISD"
                    + " | KKR Nordjylland drøftede sagen og tog den til efterretning.",
            "3.1 | Siden sidst | Siden sidst | SAG-2023-01519 | hlth | ISD | Formanden for BRN, Birgit Hansen,"
                    + " deltog ikke under punktet, og der var ingen mundtlig orientering.",
            "4.1 | Punkter til næste møde | Punkter til næste møde | SAG-2023-01519 |  | ISD"
                    + " | KKR Nordjylland tog orienteringen til efterretning.",
            "5.1 | Eventuelt | Eventuelt | SAG-2023-01519 | hlth | I | null");

    @Test
    void readsSample000AsWrittenDownByHand() {
        ParsedMinutes minutes = MinutesParser.parse(sample("000_568beadeaf072874.txt"), TODAY);

        assertThat(minutes.committee()).isEqualTo("KKR Nordjylland");
        assertThat(minutes.meetingDate()).isEqualTo(LocalDate.of(2025, 4, 11));
        assertThat(minutes.location()).isEqualTo("Hotel Scandic Aalborg Øst, Hadsundvej 200, Aalborg Øst");
        assertThat(minutes.participants())
                .hasSize(15)
                .first()
                .isEqualTo(new Participant("Lasse Frimand Jensen", "A", "Aalborg Kommune", null));
        assertThat(minutes.absent()).hasSize(9).extracting(Participant::name).contains("Per Bach Laursen");
        assertThat(summary(minutes)).containsExactlyElementsOf(SAMPLE_000);
        assertThat(minutes.nextMeeting().date()).isEqualTo(LocalDate.of(2025, 6, 20));
        assertThat(minutes.nextMeeting().expectedItems()).containsExactly("KKR fremadrettet");
        assertThat(minutes.deadlines())
                .extracting(d -> d.itemNumber() + " " + d.date())
                .containsExactly("3.2 2026-01-01", "3.4 2025-05-31", "3.7 2025-03-09", "3.7 2025-03-19");
        // by hand: 3.5's decision asks for a theme discussion "på et kommende KKR-møde", 4.1's wishes it "på det
        // kommende møde i KKR"; nothing else in a decision looks ahead to a meeting
        assertThat(minutes.undertakings())
                .extracting(u -> u.itemNumber() + " " + u.pattern() + ": " + u.quote())
                .containsExactly(
                        "3.5 at-a-later-meeting: KKR Nordjylland efterspurgt en temadrøftelse på et kommende KKR-møde"
                                + " omkring udgifter på det specialiserede socialområde, herunder fokus på samspillet"
                                + " med Socialtilsynet, beregning af takster mm.",
                        "4.1 at-a-later-meeting: Ønske om en temadrøftelse af udgiftsudviklingen på det"
                                + " specialiserede socialområdet på det kommende møde i KKR.");
        assertThat(minutes.warnings()).isEmpty();
    }

    @Test
    void readsSample002WhoseCoverPageIsLostAndSaysWhereItFoundTheDate() {
        ParsedMinutes minutes = MinutesParser.parse(sample("002_bdad476e3f54bb17.txt"), TODAY);

        assertThat(minutes.committee()).isEqualTo("KKR Nordjylland");
        assertThat(minutes.meetingDate()).isEqualTo(LocalDate.of(2023, 4, 28));
        assertThat(minutes.location()).isNull();
        assertThat(minutes.participants())
                .hasSize(21)
                .contains(new Participant(
                        "John Lamp Henriksen", "C", "Frederikshavn Kommune", "suppleant for Lene Schmidt Aalestrup"));
        assertThat(minutes.absent()).extracting(Participant::name).contains("Lene Schmidt Aalestrup");
        assertThat(summary(minutes)).containsExactlyElementsOf(SAMPLE_002);
        assertThat(minutes.nextMeeting().date()).isEqualTo(LocalDate.of(2023, 6, 23));
        assertThat(minutes.nextMeeting().expectedItems()).containsExactly("Socialtilsyn Nords årsrapport for 2022");
        assertThat(minutes.deadlines())
                .as("its dates are meetings, a hearing period and plans")
                .isEmpty();
        assertThat(minutes.undertakings())
                .as("no decision looks ahead to a meeting")
                .isEmpty();
        assertThat(minutes.warnings())
                .anyMatch(w -> w.contains("date (2023-04-28) was read from the first items"))
                .anyMatch(w -> w.contains("committee (KKR Nordjylland) was read from the text"))
                .anyMatch(w -> w.equals("Item 5.1 has no decision."));
    }

    @Test
    void readsAPdfOfSample000AsItsText() {
        ParsedMinutes fromPdf =
                MinutesParser.parse(PdfText.of(SamplePdfs.fromText(sample("000_568beadeaf072874.txt"))), TODAY);

        assertThat(fromPdf.committee()).isEqualTo("KKR Nordjylland");
        assertThat(fromPdf.meetingDate()).isEqualTo(LocalDate.of(2025, 4, 11));
        assertThat(summary(fromPdf)).containsExactlyElementsOf(SAMPLE_000);
        assertThat(fromPdf.nextMeeting().date()).isEqualTo(LocalDate.of(2025, 6, 20));
        assertThat(fromPdf.deadlines()).hasSize(4);
    }

    @Test
    void refusesAPdfWithoutTextAndBytesThatAreNoPdf() {
        assertThatThrownBy(() -> PdfText.of(SamplePdfs.fromText(" ")))
                .isInstanceOf(NotMinutes.class)
                .hasMessageContaining("no text layer");
        assertThatThrownBy(() -> PdfText.of("%PDF-1.4 nothing else".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(NotMinutes.class)
                .hasMessageContaining("Not a readable PDF");
    }

    @Test
    void refusesTheBundleOfAppendicesInsteadOfInventingItems() {
        assertThatThrownBy(() -> MinutesParser.parse(sample("003_cb4ccf0d5ac4c3a0.txt"), TODAY))
                .isInstanceOf(NotMinutes.class)
                .hasMessageContaining("No agenda items");
    }

    @Test
    void readsOtherCommitteesWaysOfWritingTheSameThings() {
        String text = """
                KKR Midtjylland  |  12-06-2025
                Deltagere
                Anders Kühnau (A), Region Midtjylland
                Hans Østergaard (V), Lemvig Kommune (formand)
                Fraværende
                Bent Nielsen (C), Skive Kommune
                1. Sager til beslutning
                1.1 Høring om regional udviklingsstrategi
                SAG-2025-01234 abc/def
                Indstilling:
                Det indstilles, at KKR Midtjylland afgiver høringssvar senest den 1. september.
                Beslutning:
                KKR Midtjylland godkendte indstillingen.
                1. Regionsloven: en linje i en tekst, ikke et punkt.
                1.2 Eventuelt
                SAG-2025-01234
                Beslutning:
                Intet.
                """;

        ParsedMinutes minutes = MinutesParser.parse(text, TODAY);

        assertThat(minutes.committee()).isEqualTo("KKR Midtjylland");
        assertThat(minutes.meetingDate()).isEqualTo(LocalDate.of(2025, 6, 12));
        assertThat(minutes.participants())
                .containsExactly(
                        new Participant("Anders Kühnau", "A", "Region Midtjylland", null),
                        new Participant("Hans Østergaard", "V", "Lemvig Kommune", "formand"));
        assertThat(minutes.absent()).extracting(Participant::name).containsExactly("Bent Nielsen");
        assertThat(summary(minutes))
                .containsExactly(
                        "1.1 | Sager til beslutning | Høring om regional udviklingsstrategi | SAG-2025-01234 | abc/def"
                                + " | ID | KKR Midtjylland godkendte indstillingen.",
                        "1.2 | Sager til beslutning | Eventuelt | SAG-2025-01234 |  | D | Intet.");
        assertThat(minutes.items().get(0).decision())
                .as("a numbered line of a text stays text")
                .isEqualTo(
                        "KKR Midtjylland godkendte indstillingen.\n1. Regionsloven: en linje i en tekst, ikke et punkt.");
        assertThat(minutes.deadlines())
                .singleElement()
                .satisfies(d -> assertThat(d.date()).as("year from the meeting").isEqualTo(LocalDate.of(2025, 9, 1)));
    }

    static List<String> summary(ParsedMinutes minutes) {
        return minutes.items().stream().map(MinutesParserTest::summary).toList();
    }

    static String summary(Item item) {
        String parts = (item.background() != null ? "B" : "")
                + (item.recommendation() != null ? "I" : "")
                + (item.presentation() != null ? "S" : "")
                + (item.decision() != null ? "D" : "");
        return String.join(
                " | ",
                item.number(),
                String.valueOf(item.section()),
                item.title(),
                item.caseNumber(),
                String.join("/", item.officers()),
                parts,
                String.valueOf(firstSentence(item.decision())));
    }

    /** The first sentence of a text, skipping subheadings (lines without a full stop). */
    static String firstSentence(String text) {
        if (text == null) {
            return null;
        }
        return Arrays.stream(text.split("\n"))
                .filter(line -> line.matches(".*[.!?].*"))
                .findFirst()
                .map(line -> line.split("(?<=[.!?])\\s+(?=\\p{Lu})")[0])
                .orElse(null);
    }

    static String sample(String name) {
        try (InputStream in = MinutesParserTest.class.getResourceAsStream("/samples/minutes/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
