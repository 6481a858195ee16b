package dk.sagsspor.command.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dk.sagsspor.command.CommandApi;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.ProposeAgendaItem;
import dk.sagsspor.testsupport.Http;
import dk.sagsspor.testsupport.RealInfrastructure;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The dry run over HTTP: the structure of real minutes as JSON, a refusal for what is not minutes, nothing recorded. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MinutesImportApiIT {

    static final String PATH = "/api/imports/minutes?dryRun=true";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "command");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.axonframework.commandhandling.gateway.CommandGateway commands;

    @Test
    void aDryRunAnswersTheMinutesStructureAndRecordsNothing() {
        long events = events();

        HttpResponse<String> response = Http.localhost(port)
                .as("nord")
                .post(PATH, "text/plain", MinutesParserTest.sample("000_568beadeaf072874.txt"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode minutes = Http.json(response);
        assertThat(minutes.path("committee").asString()).isEqualTo("KKR Nordjylland");
        assertThat(minutes.path("meetingDate").asString()).isEqualTo("2025-04-11");
        assertThat(minutes.path("items")).hasSize(12);
        JsonNode item = minutes.path("items").get(3);
        assertThat(item.path("number").asString()).isEqualTo("3.1");
        assertThat(item.path("section").asString()).isEqualTo("Regionalpolitiske sager");
        assertThat(item.path("title").asString()).isEqualTo("Kommunernes økonomiforhandlinger for 2026");
        assertThat(item.path("caseNumber").asString()).isEqualTo("SAG-2025-00681");
        assertThat(item.path("officers").valueStream().map(JsonNode::asString)).containsExactly("haan", "hast");
        assertThat(minutes.path("nextMeeting").path("date").asString()).isEqualTo("2025-06-20");
        assertThat(minutes.path("deadlines").get(1).path("date").asString()).isEqualTo("2025-05-31");
        assertThat(minutes.path("deadlines").get(1).path("itemNumber").asString())
                .isEqualTo("3.4");
        assertThat(minutes.path("participants").get(0).path("name").asString()).isEqualTo("Lasse Frimand Jensen");
        assertThat(minutes.path("warnings")).isEmpty();
        assertThat(minutes.path("unplaced"))
                .as("the cover page's lines, listed")
                .hasSize(15);
        assertThat(minutes.path("unplaced").get(0).path("line").asInt()).isEqualTo(4);
        assertThat(minutes.path("unplaced").get(0).path("text").asString()).isEqualTo("Mission");
        assertThat(events()).as("a dry run records nothing").isEqualTo(events);
    }

    @Test
    void readsMinutesSentAsPdfAndRefusesBytesThatAreNoPdf() throws Exception {
        byte[] pdf = SamplePdfs.fromText(MinutesParserTest.sample("000_568beadeaf072874.txt"));
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + PATH))
                .header("Content-Type", "application/pdf")
                .header(
                        "Authorization",
                        "Basic "
                                + java.util.Base64.getEncoder()
                                        .encodeToString(
                                                "nord:nord-password".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(pdf))
                .build();

        HttpResponse<String> response =
                java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Http.json(response).path("items")).hasSize(12);
        HttpResponse<String> garbage = Http.localhost(port).post(PATH, "application/pdf", "%PDF-1.4 nothing else");
        assertThat(garbage.statusCode()).isEqualTo(422);
        assertThat(Http.json(garbage).path("detail").asString()).startsWith("Not a readable PDF");
    }

    @Test
    void refusesTheBundleOfAppendicesWithAProblemThatSaysWhy() {
        HttpResponse<String> refused = Http.localhost(port)
                .post(PATH, "text/plain; charset=UTF-8", MinutesParserTest.sample("003_cb4ccf0d5ac4c3a0.txt"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Http.json(refused).path("type").asString()).isEqualTo("https://sagsspor.dk/problems/not-minutes");
        assertThat(Http.json(refused).path("detail").asString()).contains("No agenda items", "SAG-");
    }

    @Test
    void importsMinutesAsTheOrdinaryEventsOnceAndSaysSoTheSecondTime() {
        String text = MinutesParserTest.sample("000_568beadeaf072874.txt");

        HttpResponse<String> imported =
                Http.localhost(port).as("nord").post("/api/imports/minutes", "text/plain", text);

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        JsonNode result = Http.json(imported);
        String meeting = result.path("meeting").asString();
        assertThat(imported.headers().firstValue("Location")).hasValue("/api/meetings/" + meeting);
        assertThat(result.path("imported").asBoolean()).isTrue();
        assertThat(result.path("items").asInt()).isEqualTo(12);
        assertThat(result.path("decisions").asInt()).isEqualTo(12);
        assertThat(result.path("undecided").asInt()).isZero();
        CommandApi api = new CommandApi(port, jdbc);
        assertThat(api.events(meeting))
                .startsWith("MeetingScheduled", "MeetingAgendaItemAdded")
                .endsWith("MeetingAgendaPublished", "MeetingOpened", "MeetingNextAgendaPromised", "MeetingClosed")
                .filteredOn("MeetingAgendaItemAdded"::equals)
                .hasSize(12);
        String item = MinutesImport.id("item", meeting, "3.4");
        assertThat(api.events(item)).containsExactly("AgendaItemProposed", "AgendaItemScheduled", "AgendaItemDecided");
        assertThat(api.lastPayload(item, "AgendaItemDecided"))
                .contains("\"outcome\":\"APPROVED\"", "Social- og Boligstyrelsens centrale udmelding");
        assertThat(api.lastMetaData(item))
                .as("the importer is the actor; the meeting's time is the business time")
                .contains("\"actor\":\"nord\"", "\"occurredAt\":\"2025-04-11T08:00:00Z\"");
        assertThat(api.lastMetaData(meeting)).contains("\"occurredAt\":\"2025-04-11T08:00:00Z\"");
        assertThat(result.path("promisedItems").asInt()).isEqualTo(1);
        assertThat(api.lastPayload(meeting, "MeetingNextAgendaPromised"))
                .contains("\"nextMeetingDate\":\"2025-06-20\"", "\"expectedItems\":[\"KKR fremadrettet\"]");
        assertThat(api.lastPayload(meeting, "MeetingScheduled"))
                .contains("\"start\":\"2025-04-11T08:00:00Z\"", "Hotel Scandic Aalborg Øst");
        long recorded = events();

        HttpResponse<String> again = Http.localhost(port).as("nord").post("/api/imports/minutes", "text/plain", text);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Http.json(again).path("imported").asBoolean()).isFalse();
        assertThat(Http.json(again).path("warnings").get(0).asString()).startsWith("Already imported");
        assertThat(events()).as("the second import records nothing").isEqualTo(recorded);
    }

    @Test
    void minutesThatFailHalfwayLeaveNothingBehind() {
        String text = """
                KKR Nordjylland  |  03-03-2033
                 1. Godkendelse
                1.1. Godkendelse af dagsorden
                SAG-2033-00001 hast
                Beslutning
                Dagsordenen blev godkendt.
                1.2. Eventuelt
                SAG-2033-00001 hast
                Beslutning
                Intet.
                """;
        String meeting = MinutesImport.id("meeting", "KKR Nordjylland", "2033-03-03");
        // the id the import derives for item 1.2 is taken already: the import fails after it recorded the meeting
        // and item 1.1 in its transaction
        commands.sendAndWait(new ProposeAgendaItem(
                MinutesImport.id("item", meeting, "1.2"),
                "KKR Nordjylland",
                "Optaget",
                null,
                List.of(),
                null,
                null,
                null,
                List.of(),
                false));
        long before = events();

        HttpResponse<String> failed = Http.localhost(port).as("nord").post("/api/imports/minutes", "text/plain", text);

        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(409);
        assertThat(new CommandApi(port, jdbc).events(meeting))
                .as("the meeting was rolled back")
                .isEmpty();
        assertThat(new CommandApi(port, jdbc).events(MinutesImport.id("item", meeting, "1.1")))
                .isEmpty();
        assertThat(events()).isEqualTo(before);
        HttpResponse<String> twice = Http.localhost(port)
                .as("nord")
                .post("/api/imports/minutes", "text/plain", text.replace("1.2. Eventuelt", "1.1. Eventuelt"));
        assertThat(twice.statusCode()).isEqualTo(422);
        assertThat(Http.json(twice).path("detail").asString()).contains("item number 1.1 appears twice");
    }

    @Test
    void recordsTheMeetingsEndAndTheItemsAttachmentsWhereTheMinutesGiveThem() throws Exception {
        String text;
        try (java.io.InputStream in =
                getClass().getResourceAsStream("/minutes/held-out/kkr-midtjylland-2022-06-14.txt")) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }

        HttpResponse<String> imported =
                Http.localhost(port).as("midt").post("/api/imports/minutes", "text/plain", text);

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        String meeting = Http.json(imported).path("meeting").asString();
        CommandApi api = new CommandApi(port, jdbc);
        assertThat(api.lastPayload(meeting, "MeetingScheduled"))
                .as("14 June 2022, 10.00–12.30 Danish summer time")
                .contains("\"start\":\"2022-06-14T08:00:00Z\"")
                .contains("\"end\":\"2022-06-14T10:30:00Z\"")
                .contains("\"dayOnly\":false");
        assertThat(api.lastPayload(MinutesImport.id("item", meeting, "2.1"), "AgendaItemProposed"))
                .contains("\"attachments\":[\"Bilag 1: Kvotefordeling 2023\",\"Bilag 2: Notat om boligsituationen\"]");
    }

    @Test
    void recordsNoPlaceAndNoHourWhereTheMinutesStateNoneAndSaysSo() {
        String text = """
                KKR Nordjylland  |  12-09-2031
                Deltagere
                Bo Andersen (A) Aalborg Kommune
                1. Godkendelse
                1.1 Godkendelse af dagsorden
                SAG-2031-00100 hast
                Beslutning
                KKR Nordjylland godkendte dagsordenen.
                """;

        HttpResponse<String> imported =
                Http.localhost(port).as("nord").post("/api/imports/minutes", "text/plain", text);

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        JsonNode result = Http.json(imported);
        String meeting = result.path("meeting").asString();
        assertThat(new CommandApi(port, jdbc).lastPayload(meeting, "MeetingScheduled"))
                .as("no placeholder for a place nobody wrote down")
                .contains("\"location\":null");
        assertThat(new CommandApi(port, jdbc).lastPayload(meeting, "MeetingScheduled"))
                .as("a meeting known by its day, not at an invented hour")
                .contains("\"dayOnly\":true")
                .contains("\"start\":\"2031-09-11T22:00:00Z\"")
                .contains("\"end\":null");
        assertThat(result.path("warnings").toString())
                .contains("The minutes state no place")
                .contains("recorded for its day, without a time");
    }

    @Test
    void importedHistoryIsNotCarriedOverButAnItemShownAgainByLaterMinutesContinues() throws Exception {
        String earlier = """
                KKR Nordjylland  |  01-03-2032
                Dato: 01-03-2032 10:00
                1. Godkendelse
                1.1 Godkendelse af dagsorden
                SAG-2032-00001 hast
                2. Sager til drøftelse
                2.1 Trafikplan for Nordjylland
                SAG-2032-00002 haan
                Sagsfremstilling
                Oplæg fra regionen.
                2.2 Budget 2033
                SAG-2032-00003 haan
                Beslutning
                KKR Nordjylland godkendte budgettet.
                """;
        CommandApi api = new CommandApi(port, jdbc);
        // a meeting of the committee recorded as it happens, after the imported one: nothing imported may land on it
        String live = api.scheduleMeeting("KKR Nordjylland", "2032-06-10T10:00");

        HttpResponse<String> first =
                Http.localhost(port).as("nord").post("/api/imports/minutes", "text/plain", earlier);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(Http.json(first).path("undecided").asInt()).isEqualTo(1);
        String meeting = Http.json(first).path("meeting").asString();
        String standing = MinutesImport.id("item", meeting, "1.1");
        String traffic = MinutesImport.id("item", meeting, "2.1");
        assertThat(api.events(standing))
                .containsExactly("AgendaItemProposed", "AgendaItemScheduled", "AgendaItemWithdrawn");
        Thread.sleep(1500); // several carry-over polls
        assertThat(api.events(traffic))
                .as("recorded undecided at its meeting, not carried over")
                .containsExactly("AgendaItemProposed", "AgendaItemScheduled");
        assertThat(api.events(live)).containsExactly("MeetingScheduled");

        String later = earlier.replace("01-03-2032", "14-09-2032")
                .replace("Oplæg fra regionen.", "Oplæg fra regionen.\nBeslutning\nKKR Nordjylland godkendte planen.")
                .replace("2.2 Budget 2033", "2.2 Budget 2034");
        HttpResponse<String> second = Http.localhost(port).as("nord").post("/api/imports/minutes", "text/plain", later);

        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        assertThat(Http.json(second).path("continued").asInt()).isEqualTo(1);
        String laterMeeting = Http.json(second).path("meeting").asString();
        assertThat(api.events(traffic))
                .as("the same item, carried over from the earlier meeting and decided at the later one")
                .containsExactly(
                        "AgendaItemProposed",
                        "AgendaItemScheduled",
                        "AgendaItemDeferred",
                        "AgendaItemScheduled",
                        "AgendaItemDecided");
        assertThat(api.lastPayload(traffic, "AgendaItemScheduled")).contains(laterMeeting);
        assertThat(api.events(MinutesImport.id("item", laterMeeting, "2.1"))).isEmpty();
        assertThat(api.events(live)).containsExactly("MeetingScheduled");
    }

    @Test
    void onlyTheCommitteesSecretariesMayImportItsMinutes() {
        String text = MinutesParserTest.sample("000_568beadeaf072874.txt");
        long before = events();

        HttpResponse<String> otherCommittee =
                Http.localhost(port).as("midt").post("/api/imports/minutes", "text/plain", text);

        assertThat(otherCommittee.statusCode()).isEqualTo(403);
        assertThat(Http.json(otherCommittee).path("type").asString())
                .isEqualTo("https://sagsspor.dk/problems/not-your-committee");
        assertThat(Http.localhost(port)
                        .as("reader")
                        .post(PATH, "text/plain", text)
                        .statusCode())
                .isEqualTo(403);
        assertThat(Http.localhost(port)
                        .anonymous()
                        .post(PATH, "text/plain", text)
                        .statusCode())
                .isEqualTo(401);
        assertThat(Http.localhost(port).post(PATH, "application/msword", "x").statusCode())
                .isEqualTo(415);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void theBulkImportReportsEveryFileAndFailsWhenOneFails() throws Exception {
        java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("minutes");
        // sample 000 as if it were the year before's meeting: another meeting than the other tests import
        String lastYear = MinutesParserTest.sample("000_568beadeaf072874.txt").replace("11-04-2025", "12-04-2024");
        java.nio.file.Files.writeString(folder.resolve("a-000.txt"), lastYear);
        java.nio.file.Files.write(folder.resolve("b-000.pdf"), SamplePdfs.fromText(lastYear));
        java.nio.file.Files.writeString(
                folder.resolve("c-003.txt"), MinutesParserTest.sample("003_cb4ccf0d5ac4c3a0.txt"));
        java.nio.file.Files.writeString(folder.resolve("notes.doc"), "not minutes, not read");
        java.io.ByteArrayOutputStream table = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream progress = new java.io.ByteArrayOutputStream();

        int status = BulkImport.run(
                new String[] {folder.toString(), "--url", "http://localhost:" + port, "--user", "nord:nord-password"},
                new java.io.PrintStream(table, true, java.nio.charset.StandardCharsets.UTF_8),
                new java.io.PrintStream(progress, true, java.nio.charset.StandardCharsets.UTF_8));

        String report = table.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(status).as(report).isEqualTo(1);
        assertThat(report.lines())
                .anyMatch(line -> line.matches("a-000\\.txt\\s+imported\\s+1\\s+12\\s+12\\s+4\\s+2"))
                .anyMatch(line -> line.matches("b-000\\.pdf\\s+already imported\\s+0\\s.*"))
                .anyMatch(line -> line.matches("c-003\\.txt\\s+FAILED.*"))
                .anyMatch(line -> line.startsWith("c-003.txt: failed: 422 No agenda items"))
                .anyMatch(line -> line.equals("3 file(s), 1 failed"))
                .noneMatch(line -> line.contains("notes.doc"));
        assertThat(progress.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("3/3");

        java.nio.file.Path good = java.nio.file.Files.createTempDirectory("minutes");
        java.nio.file.Files.writeString(good.resolve("002.txt"), MinutesParserTest.sample("002_bdad476e3f54bb17.txt"));
        table.reset();
        int dryRun = BulkImport.run(
                new String[] {
                    good.toString(), "--url", "http://localhost:" + port, "--user", "nord:nord-password", "--dry-run"
                },
                new java.io.PrintStream(table, true, java.nio.charset.StandardCharsets.UTF_8),
                new java.io.PrintStream(progress, true, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(dryRun).isZero();
        assertThat(table.toString(java.nio.charset.StandardCharsets.UTF_8).lines())
                .anyMatch(line -> line.matches("002\\.txt\\s+read\\s+1\\s+11\\s+10\\s+0\\s+3"));
    }

    private long events() {
        return jdbc.sql("select count(*) from domainevententry")
                .query(Long.class)
                .single();
    }
}
