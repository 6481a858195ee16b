package dk.sagsspor.command.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dk.sagsspor.command.audit.ChainLinks.StoredEvent;
import dk.sagsspor.testsupport.Http;
import dk.sagsspor.testsupport.RealInfrastructure;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Tampering with the event store directly in PostgreSQL — a payload edited, a row deleted, a row inserted, two rows
 * swapped, the chain rewritten along with the store — is reported precisely by the verification, with the last seal
 * the store still agrees with; an untouched store verifies as intact against the seals Kafka keeps. Runs on a database
 * and a seal topic of its own; each test puts back what it changed and checks the whole chain is intact again.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sagsspor.audit.settle=0s", "sagsspor.audit.chain-interval=1h", "sagsspor.audit.seal-interval=1h"
        })
class AuditIT {

    static final ChainLinks.Hasher HASHER = new ChainLinks.Hasher();

    static final String SEAL_TOPIC = "audit-it-seals-" + UUID.randomUUID();

    @DynamicPropertySource
    static void aStoreOfItsOwn(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "command_audit");
        registry.add("sagsspor.audit.seal-topic", () -> SEAL_TOPIC);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    final List<String> afterwards = new ArrayList<>();

    @AfterEach
    void putBackWhatWasChangedAndVerifyTheWholeChain() {
        afterwards.forEach(sql -> jdbc.sql(sql).update());
        jdbc.sql("drop table if exists tampered").update();
        JsonNode whole = verify("");
        assertThat(whole.path("intact").asBoolean()).as(whole.toString()).isTrue();
    }

    @Test
    void anUntouchedStoreVerifiesAsIntactAgainstTheSealsKafkaKeeps() {
        List<Long> positions = threeItems();
        JsonNode seal = seal();

        JsonNode result = verify("");

        assertThat(result.path("intact").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.path("firstBreak").isNull()).isTrue();
        assertThat(result.path("chainHead").path("position").asLong()).isGreaterThanOrEqualTo(positions.getLast());
        assertThat(result.path("eventsVerified").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(result.path("seals").path("source").asString()).isEqualTo("kafka");
        assertThat(result.path("seals").path("agreeing").asInt())
                .isEqualTo(result.path("seals").path("compared").asInt())
                .isPositive();
        assertThat(result.path("lastAgreeingSeal").path("position").asLong())
                .isEqualTo(seal.path("position").asLong());
        // the seal is in Kafka as a plain consumer reads it, outside the database
        assertThat(sealsInKafka())
                .anySatisfy(value -> assertThat(value)
                        .contains("\"position\":" + seal.path("position").asLong())
                        .contains(seal.path("link").asString()));
    }

    @Test
    void anEditedPayloadIsReportedAsChanged() {
        threeItems();
        seal();
        List<Long> positions = threeItems();
        JsonNode seal = seal();
        long edited = positions.get(1);
        keep(edited);

        jdbc.sql("""
                        update domainevententry
                           set payload = convert_to(replace(convert_from(payload, 'UTF8'), 'Punkt', 'Pnukt'), 'UTF8')
                         where globalindex = :position""").param("position", edited).update();

        JsonNode result = verify("");
        assertBreak(result, edited, "changed", identifier(edited));
        assertThat(result.path("lastAgreeingSeal").path("position").asLong())
                .isLessThan(edited)
                .isLessThan(seal.path("position").asLong());
        assertThat(verify("?to=" + (edited - 1)).path("intact").asBoolean())
                .as("the chain before the edit is intact")
                .isTrue();
    }

    @Test
    void aDeletedRowIsReportedAsMissing() {
        List<Long> positions = threeItems();
        seal();
        long deleted = positions.get(1);
        String identifier = identifier(deleted);
        keep(deleted);

        jdbc.sql("delete from domainevententry where globalindex = :position")
                .param("position", deleted)
                .update();

        assertBreak(verify(""), deleted, "missing", identifier);
    }

    @Test
    void aRowInsertedIntoAGapIsReportedAsInserted() {
        // a rolled-back transaction leaves a gap in the global order, as Axon's event store can
        long gap = jdbc.sql("select nextval('domainevententry_globalindex_seq')")
                .query(Long.class)
                .single();
        List<Long> positions = threeItems();
        seal();
        String forged = UUID.randomUUID().toString();

        jdbc.sql("""
                        insert into domainevententry (globalindex, aggregateidentifier, sequencenumber, type,
                                                      eventidentifier, metadata, payload, payloadrevision, payloadtype,
                                                      timestamp)
                        select :gap, :forged, 0, type, :forged, metadata, payload, payloadrevision, payloadtype,
                               timestamp
                          from domainevententry where globalindex = :model""")
                .param("gap", gap)
                .param("forged", forged)
                .param("model", positions.getFirst())
                .update();
        afterwards.add("delete from domainevententry where globalindex = " + gap);

        assertBreak(verify(""), gap, "inserted", forged);
    }

    @Test
    void twoSwappedRowsAreReportedAsReordered() {
        List<Long> positions = threeItems();
        seal();
        long first = positions.getFirst();
        long last = positions.getLast();
        String lastIdentifier = identifier(last);
        keep(first, last);

        jdbc.sql("update domainevententry set globalindex = -1 where globalindex = :first")
                .param("first", first)
                .update();
        jdbc.sql("update domainevententry set globalindex = :first where globalindex = :last")
                .param("first", first)
                .param("last", last)
                .update();
        jdbc.sql("update domainevententry set globalindex = :last where globalindex = -1")
                .param("last", last)
                .update();

        JsonNode result = verify("");
        assertBreak(result, first, "reordered", lastIdentifier);
        assertThat(result.path("firstBreak").path("detail").asString()).contains("position " + last);
    }

    @Test
    void aChainRewrittenAlongWithTheStoreIsCaughtByTheSealKafkaKeeps() {
        threeItems();
        JsonNode before = seal();
        List<Long> positions = threeItems();
        JsonNode after = seal();
        long edited = positions.getFirst();
        keep(edited);
        jdbc.sql("create table tampered_chain as select * from event_chain where global_index >= :position")
                .param("position", edited)
                .update();
        afterwards.add("delete from event_chain where global_index >= " + edited);
        afterwards.add("insert into event_chain select * from tampered_chain");
        afterwards.add("drop table tampered_chain");

        jdbc.sql("""
                        update domainevententry
                           set payload = convert_to(replace(convert_from(payload, 'UTF8'), 'Punkt', 'Pnukt'), 'UTF8')
                         where globalindex = :position""").param("position", edited).update();
        rewriteTheChainFrom(edited);

        JsonNode result = verify("");
        assertBreak(result, after.path("position").asLong(), "seal-mismatch", null);
        assertThat(result.path("lastAgreeingSeal").path("position").asLong())
                .isEqualTo(before.path("position").asLong());
    }

    @Test
    void theOfflineCheckWithStandardToolsAgreesWithTheSealAndSeesAnEdit() throws Exception {
        threeItems();
        JsonNode seal = seal();
        String position = seal.path("position").asString();
        String link = seal.path("link").asString();

        Offline untouched = offline(position, link);
        assertThat(untouched.exitCode()).as(untouched.output()).isZero();
        assertThat(untouched.output()).startsWith("agrees");

        long edited = jdbc.sql("select min(globalindex) from domainevententry")
                .query(Long.class)
                .single();
        keep(edited);
        jdbc.sql("update domainevententry set timestamp = '2020-01-01T00:00:00Z' where globalindex = :position")
                .param("position", edited)
                .update();

        Offline tampered = offline(position, link);
        assertThat(tampered.exitCode()).as(tampered.output()).isEqualTo(1);
        assertThat(tampered.output()).startsWith("DIFFERS");
    }

    @Test
    void aCommitteesDecisionRegisterIsExportedWithItsProofAndChecksOfflineWithStandardTools() throws Exception {
        String committee = "KKR Revision " + UUID.randomUUID();
        String[] decided = decidedItems(committee, 2);
        assertThat(http().postJson("/api/agenda-items/" + decided[0] + "/decision-correction", """
                        {"outcome": "REJECTED", "text": "Ikke godkendt.", "reason": "Fejl i protokollen"}""")
                        .statusCode())
                .isEqualTo(200);
        String other = decidedItems("KKR Andet " + UUID.randomUUID(), 1)[0]; // another committee's, same period
        seal();
        // an old event with a NUL escaped in its JSON (the store has such: AgendaItemControllerIT) stops nothing
        long old = jdbc.sql("select globalindex from domainevententry where aggregateidentifier = :id"
                        + " and sequencenumber = 0")
                .param("id", other)
                .query(Long.class)
                .single();
        keep(old);
        jdbc.sql("""
                        update domainevententry
                           set payload = convert_to(replace(convert_from(payload, 'UTF8'), 'Sag 0', 'Sag\\u00000'),
                                                    'UTF8')
                         where globalindex = :position""").param("position", old).update();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Copenhagen"));

        HttpResponse<String> answer = http().get("/api/audit/decision-register?committee="
                + java.net.URLEncoder.encode(committee, java.nio.charset.StandardCharsets.UTF_8) + "&from="
                + today.minusDays(1) + "&to=" + today.plusDays(1));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode register = Http.json(answer);
        assertThat(register.path("entries").findValuesAsString("kind"))
                .containsExactly("decision", "decision", "correction");
        assertThat(register.path("entries").findValuesAsString("agendaItemId"))
                .containsExactly(decided[0], decided[1], decided[0]);
        assertThat(register.path("entries").get(2).path("text").asString()).isEqualTo("Ikke godkendt.");
        assertThat(register.path("unchainedDecisions").asLong()).isZero();
        assertThat(register.path("seals").size()).isEqualTo(1);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("decision-register", ".json");
        java.nio.file.Files.writeString(file, answer.body());

        Offline checked = run("../deploy/audit/check-export.sh", file.toString());
        assertThat(checked.exitCode()).as(checked.output()).isZero();
        assertThat(checked.output()).startsWith("agrees: 3 entries");

        // a decision's text changed in the export: its event no longer hashes to its link
        JsonNode entry = register.path("entries").get(2);
        String forgedPayload = java.util.Base64.getEncoder()
                .encodeToString(new String(
                                java.util.Base64.getDecoder()
                                        .decode(entry.path("event")
                                                .path("payload")
                                                .asString()),
                                java.nio.charset.StandardCharsets.UTF_8)
                        .replace("Ikke godkendt.", "Godkendt.")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.nio.file.Files.writeString(
                file, answer.body().replace(entry.path("event").path("payload").asString(), forgedPayload));
        Offline forged = run("../deploy/audit/check-export.sh", file.toString());
        assertThat(forged.exitCode()).as(forged.output()).isEqualTo(1);
        assertThat(forged.output())
                .contains("entry at position " + entry.path("position").asLong());
    }

    @Test
    void aRangeOutOfOrderIsRefusedPrecisely() {
        HttpResponse<String> refused = http().get("/api/audit/verification?from=9&to=3");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Http.json(refused).path("errors").toString()).contains("to").contains("must not be before from");
    }

    @Test
    void anAuditorVerifiesButNeitherSealsNorCommands() {
        Http auditor = http().as("auditor");

        assertThat(auditor.get("/api/audit/verification").statusCode()).isEqualTo(200);
        assertThat(auditor.postJson("/api/audit/seals", "").statusCode()).isEqualTo(403);
        assertThat(auditor.postJson("/api/agenda-items", """
                        {"committee": "KKR Nordjylland", "title": "Revisionens punkt"}""").statusCode()).isEqualTo(403);
        assertThat(http().as("reader").get("/api/audit/verification").statusCode())
                .isEqualTo(403);
    }

    /** What a tamperer who knows the chain's arithmetic would do: recompute every link from the position on. */
    private void rewriteTheChainFrom(long position) {
        String link = jdbc.sql("select link from event_chain where global_index < :position order by global_index desc"
                        + " limit 1")
                .param("position", position)
                .query(String.class)
                .optional()
                .orElse(ChainLinks.GENESIS);
        List<StoredEvent> events = jdbc.sql("select " + EventChain.COLUMNS
                        + " from domainevententry where globalindex >= :position and globalindex in"
                        + " (select global_index from event_chain) order by globalindex")
                .param("position", position)
                .query(EventChain.STORED)
                .list();
        for (StoredEvent event : events) {
            String content = HASHER.contentHash(event);
            link = HASHER.link(link, content);
            jdbc.sql("update event_chain set content_hash = :content, link = :link where global_index = :position")
                    .param("content", content)
                    .param("link", link)
                    .param("position", event.globalIndex())
                    .update();
        }
    }

    private static void assertBreak(JsonNode result, long position, String kind, String eventIdentifier) {
        assertThat(result.path("intact").asBoolean()).as(result.toString()).isFalse();
        JsonNode found = result.path("firstBreak");
        assertThat(found.path("position").asLong()).as(found.toString()).isEqualTo(position);
        assertThat(found.path("kind").asString()).as(found.toString()).isEqualTo(kind);
        if (eventIdentifier != null) {
            assertThat(found.path("eventIdentifier").asString()).isEqualTo(eventIdentifier);
        }
        assertThat(found.path("detail").asString()).isNotBlank();
    }

    /** Keeps the rows at these positions, to put them back after the test. */
    private void keep(Long... positions) {
        String list = String.join(
                ",", java.util.Arrays.stream(positions).map(String::valueOf).toList());
        jdbc.sql("create table tampered as select * from domainevententry where globalindex in (" + list + ")")
                .update();
        afterwards.add("delete from domainevententry where globalindex in (" + list + ")");
        afterwards.add("insert into domainevententry select * from tampered");
    }

    /** Proposes three items; answers the global positions of their events, in order. */
    private List<Long> threeItems() {
        List<Long> positions = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> proposed = http().postJson("/api/agenda-items", """
                    {"committee": "KKR Nordjylland", "title": "Punkt %d", "caseNumber": "SAG-2031-0000%d"}""".formatted(i, i));
            assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
            positions.add(jdbc.sql("select globalindex from domainevententry where aggregateidentifier = :id")
                    .param("id", Http.json(proposed).path("id").asString())
                    .query(Long.class)
                    .single());
        }
        return positions;
    }

    /** Items of the committee decided at a meeting of its own; answers their ids. */
    private String[] decidedItems(String committee, int count) {
        String meeting = Http.json(http().postJson("/api/meetings", """
                        {"committee": "%s", "start": "2031-04-11T10:00", "location": "Aalborg Rådhus"}""".formatted(committee)))
                .path("id")
                .asString();
        String[] items = new String[count];
        for (int i = 0; i < count; i++) {
            items[i] = Http.json(http().postJson("/api/agenda-items", """
                            {"committee": "%s", "title": "Sag %d"}""".formatted(committee, i)))
                    .path("id")
                    .asString();
            assertThat(http().postJson("/api/agenda-items/" + items[i] + "/scheduling", """
                            {"meetingId": "%s", "number": "1.%d"}""".formatted(meeting, i + 1))
                            .statusCode())
                    .isEqualTo(200);
        }
        assertThat(http().postJson("/api/meetings/" + meeting + "/agenda-publication", "{}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(http().postJson("/api/meetings/" + meeting + "/opening", "{}")
                        .statusCode())
                .isEqualTo(200);
        for (String item : items) {
            HttpResponse<String> decision = http().postJson("/api/agenda-items/" + item + "/decision", """
                    {"outcome": "APPROVED", "text": "Godkendt."}""");
            assertThat(decision.statusCode()).as(decision.body()).isEqualTo(200);
        }
        return items;
    }

    private String identifier(long position) {
        return jdbc.sql("select eventidentifier from domainevententry where globalindex = :position")
                .param("position", position)
                .query(String.class)
                .single();
    }

    private JsonNode seal() {
        HttpResponse<String> sealed = http().postJson("/api/audit/seals", "");
        assertThat(sealed.statusCode()).as(sealed.body()).isEqualTo(200);
        return Http.json(sealed);
    }

    private JsonNode verify(String query) {
        HttpResponse<String> answer = http().get("/api/audit/verification" + query);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Http.json(answer);
    }

    private List<String> sealsInKafka() {
        Properties config = new Properties();
        config.put(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealInfrastructure.kafka().bootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(SEAL_TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<String> values = new ArrayList<>();
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }

    record Offline(int exitCode, String output) {}

    /** Runs deploy/audit/verify-offline.sh (bash, psql, sha256sum) against this test's database. */
    private Offline offline(String position, String link) throws Exception {
        String jdbcUrl = RealInfrastructure.postgres().createDatabase("command_audit");
        var server = RealInfrastructure.postgres();
        String url = jdbcUrl.replaceFirst(
                "^jdbc:postgresql://",
                "postgresql://"
                        + java.net.URLEncoder.encode(server.username(), java.nio.charset.StandardCharsets.UTF_8) + ":"
                        + java.net.URLEncoder.encode(server.password(), java.nio.charset.StandardCharsets.UTF_8) + "@");
        return run("../deploy/audit/verify-offline.sh", url, position, link);
    }

    /** Runs a script of deploy/ with bash; answers its exit code and what it printed. */
    private static Offline run(String script, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", script));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return new Offline(process.exitValue(), output.strip());
    }

    private Http http() {
        return Http.localhost(port);
    }
}
