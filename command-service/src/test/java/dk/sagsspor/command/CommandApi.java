package dk.sagsspor.command;

import static org.assertj.core.api.Assertions.assertThat;

import dk.sagsspor.testsupport.Http;
import java.net.http.HttpResponse;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The command API as a client uses it, plus a look at what the event store recorded. */
public final class CommandApi {

    private final Http http;
    private final JdbcClient jdbc;

    public CommandApi(int port, JdbcClient jdbc) {
        this.http = Http.localhost(port);
        this.jdbc = jdbc;
    }

    public Http http() {
        return http;
    }

    public String scheduleMeeting(String committee, String start) {
        HttpResponse<String> response = http.postJson("/api/meetings", """
                {"committee": "%s", "start": "%s", "location": "Aalborg Rådhus"}""".formatted(committee, start));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Http.json(response).path("id").asString();
    }

    public String propose(String committee, String title) {
        HttpResponse<String> response = http.postJson("/api/agenda-items", """
                {"committee": "%s", "title": "%s", "caseNumber": "SAG-2025-00681", "caseOfficers": ["haan"]}""".formatted(committee, title));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Http.json(response).path("id").asString();
    }

    public HttpResponse<String> post(String path, String json, String... headers) {
        return http.postJson(path, json, headers);
    }

    /** POSTs and requires 200; returns the new version. */
    public long ok(String path, String json) {
        HttpResponse<String> response = http.postJson(path, json);
        assertThat(response.statusCode()).as("%s %s", path, response.body()).isEqualTo(200);
        return Http.json(response).path("version").asLong();
    }

    public void schedule(String item, String meeting, String number) {
        ok(
                "/api/agenda-items/" + item + "/scheduling",
                number == null
                        ? "{\"meetingId\": \"%s\"}".formatted(meeting)
                        : "{\"meetingId\": \"%s\", \"number\": \"%s\"}".formatted(meeting, number));
    }

    /** The simple names of the events recorded for an aggregate, in order. */
    public List<String> events(String aggregateId) {
        return jdbc
                .sql("select payloadtype from domainevententry where aggregateidentifier = ? order by sequencenumber")
                .param(aggregateId)
                .query(String.class)
                .list()
                .stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1))
                .toList();
    }

    /** The metadata (JSON) of the last event recorded for an aggregate. */
    public String lastMetaData(String aggregateId) {
        return jdbc.sql("""
                        select convert_from(metadata, 'UTF8') from domainevententry
                         where aggregateidentifier = ? order by sequencenumber desc limit 1""").param(aggregateId).query(String.class).single();
    }

    /** The JSON payload of the last event of a type recorded for an aggregate. */
    public String lastPayload(String aggregateId, String eventName) {
        return jdbc.sql("""
                        select convert_from(payload, 'UTF8') from domainevententry
                         where aggregateidentifier = ? and payloadtype like ? order by sequencenumber desc limit 1""")
                .param(aggregateId)
                .param("%." + eventName)
                .query(String.class)
                .single();
    }
}
