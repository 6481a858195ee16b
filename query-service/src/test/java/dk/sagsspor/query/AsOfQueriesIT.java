package dk.sagsspor.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.sagsspor.query.projection.ProjectionProperties;
import dk.sagsspor.testsupport.Http;
import dk.sagsspor.testsupport.RealInfrastructure;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Items, agendas and the outstanding list as they stood at past instants, from the recorded events' times. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sagsspor.projection.retry-attempts=1", "sagsspor.projection.retry-interval=50ms"})
class AsOfQueriesIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "query");
    }

    static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    ProjectionProperties properties;

    @Autowired
    JdbcClient jdbc;

    final TwoMeetings spring = new TwoMeetings();

    @BeforeEach
    void aSpringOfMeetingsHasBeenRecorded() {
        spring.send(kafka, properties.topic());
        await().atMost(PATIENCE).until(() -> {
            JsonNode minutes = Http.json(http().get("/api/agenda-items/" + spring.minutes));
            JsonNode june = Http.json(http().get("/api/meetings/" + spring.june));
            JsonNode april = Http.json(http().get("/api/meetings/" + spring.april));
            return minutes.path("version").asLong() == 4
                    && june.path("agendaItem").size() == 1
                    && april.path("meetingState").asString().equals("closed");
        });
    }

    @Test
    void theAgendaAsPublishedDiffersFromTheAgendaAtTheMeeting() {
        JsonNode now = Http.json(http().get("/api/meetings/" + spring.april));
        String publishedAt = now.path("agendaPublishedAt").asString();
        assertThat(publishedAt).isEqualTo("2025-04-01T12:00:00+02:00");

        // Unencoded, as staff paste it: the "+" arrives as a space and is still understood.
        JsonNode published = Http.json(http().get("/api/meetings/" + spring.april + "?asOf=" + publishedAt));
        JsonNode atTheMeeting = Http.json(http().get("/api/meetings/" + spring.april + "?asOf=2025-04-11T11:00"));

        assertThat(published.path("meetingState").asString()).isEqualTo("scheduled");
        assertThat(published.path("agendaItem").findValuesAsString("number")).containsExactly("1.1", "3.1");
        assertThat(published.path("agendaItem").findValuesAsString("name"))
                .containsExactly("Godkendelse af referat", "Regional udviklingsstrategi");
        assertThat(published.path("agendaItem").findValuesAsString("status")).containsExactly("SCHEDULED", "SCHEDULED");

        assertThat(atTheMeeting.path("meetingState").asString()).isEqualTo("open");
        assertThat(atTheMeeting.path("agendaItem").findValuesAsString("name"))
                .containsExactly(
                        "Godkendelse af referat",
                        "Regional udviklingsstrategi og mobilitetsplan",
                        "Høring om erhvervsfremme");
        assertThat(atTheMeeting.path("agendaItem").findValuesAsString("status"))
                .containsExactly("DECIDED", "DEFERRED", "SCHEDULED");
        assertThat(atTheMeeting.path("agendaItem").get(0).path("result").asString())
                .isEqualTo("APPROVED");
    }

    @Test
    void anAgendaLineKeepsWhatBecameOfTheItemAtThatMeetingAfterItMovedOn() {
        JsonNode april = Http.json(http().get("/api/meetings/" + spring.april));
        JsonNode june = Http.json(http().get("/api/meetings/" + spring.june));
        JsonNode strategy = Http.json(http().get("/api/agenda-items/" + spring.strategy));

        assertThat(strategy.path("status").asString()).isEqualTo("SCHEDULED");
        assertThat(strategy.path("meeting").asString()).isEqualTo(spring.june);
        assertThat(april.path("agendaItem").findValuesAsString("status"))
                .containsExactly("DECIDED", "DEFERRED", "SCHEDULED");
        assertThat(april.path("agendaItem").get(0).path("result").asString()).isEqualTo("APPROVED_WITH_CHANGES");
        assertThat(june.path("agendaItem").get(0).path("status").asString()).isEqualTo("SCHEDULED");
    }

    @Test
    void anItemAsItStoodThenWithThatVersionAsETag() {
        HttpResponse<String> proposed =
                http().get("/api/agenda-items/" + spring.strategy + "?asOf=2025-03-02T12:00:00%2B01:00");
        HttpResponse<String> decided = http().get("/api/agenda-items/" + spring.minutes + "?asOf=2025-04-12T00:00");

        assertThat(proposed.statusCode()).isEqualTo(200);
        assertThat(proposed.headers().firstValue("ETag")).hasValue("\"0\"");
        assertThat(Http.json(proposed).path("status").asString()).isEqualTo("PROPOSED");
        assertThat(Http.json(proposed).path("name").asString()).isEqualTo("Regional udviklingsstrategi");
        assertThat(Http.json(decided).path("result").asString()).isEqualTo("APPROVED");
        assertThat(Http.json(decided).path("resolutionText").asString()).isEqualTo("Referatet blev godkendt.");
    }

    @Test
    void beforeAnItemExistedItIsNotFoundAndBadInstantsAreRefused() {
        HttpResponse<String> before = http().get("/api/agenda-items/" + spring.strategy + "?asOf=2025-03-01T00:00");
        HttpResponse<String> future = http().get("/api/agenda-items/" + spring.strategy + "?asOf=2999-01-01T00:00");
        HttpResponse<String> garbage = http().get("/api/meetings/" + spring.april + "?asOf=last-tuesday");
        HttpResponse<String> beforeMeeting = http().get("/api/meetings/" + spring.april + "?asOf=2025-02-01T00:00");

        assertThat(before.statusCode()).isEqualTo(404);
        assertThat(Http.json(before).path("detail").asString()).contains("as of 2025-03-01T00:00+01:00");
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(Http.json(future).path("errors").get(0).path("message").asString())
                .isEqualTo("must not be in the future");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(Http.json(garbage).path("errors").findValuesAsString("field"))
                .containsExactly("asOf");
        assertThat(beforeMeeting.statusCode()).isEqualTo(404);
    }

    @Test
    void theOutstandingListAsItStoodAtEachInstant() {
        String base = "/api/agenda-items/outstanding?committee=" + encoded(spring.committee);

        JsonNode early = Http.json(http().get(base + "&asOf=2025-03-05T12:00"));
        JsonNode afterTheMeeting = Http.json(http().get(base + "&asOf=2025-04-11T13:00"));
        JsonNode now = Http.json(http().get(base));

        assertThat(early.path("data").findValuesAsString("id"))
                .containsExactly(spring.strategy, spring.minutes, spring.budget);
        assertThat(early.path("data").get(0).path("ageDays").asLong()).isEqualTo(3);
        assertThat(early.path("data").get(0).path("meeting").asString()).isEqualTo(spring.april);
        assertThat(early.path("data").get(0).path("meetingStart").asString()).isEqualTo("2025-04-11T10:00:00+02:00");
        assertThat(afterTheMeeting.path("data").findValuesAsString("id"))
                .containsExactly(spring.strategy, spring.hearing);
        assertThat(afterTheMeeting.path("data").get(0).path("status").asString())
                .isEqualTo("DEFERRED");
        assertThat(afterTheMeeting.path("data").get(0).path("timesDeferred").asInt())
                .isEqualTo(1);
        assertThat(afterTheMeeting.path("data").get(0).path("meeting").isNull()).isTrue();
        assertThat(now.path("data").get(0).path("meeting").asString()).isEqualTo(spring.june);
        assertThat(afterTheMeeting.path("links").path("first").asString()).contains("asOf=");
    }

    @Test
    void searchesTheTextsAsTheyWereThen() {
        String base = "/api/agenda-items?committee=" + encoded(spring.committee) + "&q=mobilitet";

        assertThat(Http.json(http().get(base)).path("data").findValuesAsString("id"))
                .containsExactly(spring.strategy);
        assertThat(Http.json(http().get(base + "&asOf=2025-04-01T12:00"))
                        .path("data")
                        .size())
                .isZero();
        // the versions keep no search vector: it is computed from the texts of the versions read
        assertThat(Http.json(http().get(base + "&asOf=2025-04-08T12:00"))
                        .path("data")
                        .findValuesAsString("id"))
                .containsExactly(spring.strategy);
        assertThat(Http.json(http().get("/api/agenda-items?committee=" + encoded(spring.committee)
                                + "&q=udviklingsstrategi&asOf=2025-04-01T12:00"))
                        .path("data")
                        .findValuesAsString("id"))
                .containsExactly(spring.strategy);
        assertThat(Http.json(http().get("/api/agenda-items?committee=" + encoded(spring.committee)
                                + "&status=WITHDRAWN&asOf=2025-04-09T00:00"))
                        .path("data")
                        .findValuesAsString("id"))
                .isEqualTo(List.of(spring.budget));
    }

    @Test
    void everyVersionedTableKeepsEveryColumnOfItsTable() {
        List<String> versioned = jdbc.sql("""
                        select table_name from information_schema.tables
                         where table_schema = current_schema() and table_name like '%\\_history'
                           and table_name <> 'flyway_schema_history' order by 1""").query(String.class).list();
        List<String> missing = jdbc.sql("""
                        select c.table_name || '.' || c.column_name from information_schema.columns c
                         where c.table_schema = current_schema()
                           -- a derived column may be left out and computed when the past is read (the search vector)
                           and c.is_generated = 'NEVER'
                           and c.table_name || '_history' in (
                                select table_name from information_schema.tables where table_schema = current_schema())
                           and not exists (
                                select 1 from information_schema.columns h
                                 where h.table_schema = c.table_schema and h.table_name = c.table_name || '_history'
                                   and h.column_name = c.column_name)""").query(String.class).list();

        assertThat(versioned)
                .containsExactly("agenda_entry_history", "agenda_item_history", "follow_up_history", "meeting_history");
        assertThat(missing)
                .as("columns a migration added to a table but not to its history")
                .isEmpty();
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private Http http() {
        return Http.localhost(port);
    }
}
