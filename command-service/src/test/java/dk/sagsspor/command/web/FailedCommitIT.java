package dk.sagsspor.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import dk.sagsspor.command.CommandApi;
import dk.sagsspor.testsupport.Http;
import dk.sagsspor.testsupport.RealInfrastructure;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A transaction that fails at its commit — as when PostgreSQL goes away at that moment — made real with a deferred
 * constraint trigger that refuses, at commit time, any event whose payload carries a marker. Nothing may reach the
 * client before the commit, and nothing that the failed transaction held may outlive it in the aggregate cache.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FailedCommitIT {

    private static final String MARKER = "FAILS-AT-COMMIT";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "command");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    CommandApi api;

    @BeforeEach
    void failCommitsOfMarkedEvents() {
        api = new CommandApi(port, jdbc);
        jdbc.sql("""
                        create or replace function fail_marked_event_at_commit() returns trigger language plpgsql as $$
                        begin
                          if convert_from(new.payload, 'UTF8') like '%%%s%%' then
                            raise exception 'commit refused for a marked event (test)';
                          end if;
                          return null;
                        end $$""".formatted(MARKER)).update();
        jdbc.sql("drop trigger if exists fail_marked_event_at_commit on domainevententry")
                .update();
        jdbc.sql("""
                        create constraint trigger fail_marked_event_at_commit after insert on domainevententry
                        deferrable initially deferred for each row execute function fail_marked_event_at_commit()""").update();
    }

    @AfterEach
    void dropTrigger() {
        jdbc.sql("drop trigger if exists fail_marked_event_at_commit on domainevententry")
                .update();
    }

    @Test
    void aPostWithAnIdempotencyKeyIsNotAcknowledgedWhenItsCommitFails() {
        String key = UUID.randomUUID().toString();

        HttpResponse<String> response = api.post("/api/agenda-items", """
                {"committee": "KKR Nordjylland", "title": "Punkt %s"}""".formatted(MARKER), "Idempotency-Key", key);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(Http.json(response).path("type").asString()).endsWith("/storage-unavailable");
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(jdbc.sql("select count(*) from domainevententry where convert_from(payload, 'UTF8') like ?")
                        .param("%" + MARKER + "%")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from idempotent_request where idempotency_key = ?")
                        .param(key)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aRetryWithTheSameKeyAfterAFailedCommitRunsTheRequestAgain() {
        String key = UUID.randomUUID().toString();
        String item = api.propose("KKR Nordjylland", "Trafikplan");
        HttpResponse<String> failed = api.post(
                "/api/agenda-items/" + item + "/withdrawal",
                "{\"reason\": \"" + MARKER + "\"}",
                "Idempotency-Key",
                key);
        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(503);
        dropTrigger();

        HttpResponse<String> retried = api.post(
                "/api/agenda-items/" + item + "/withdrawal",
                "{\"reason\": \"" + MARKER + "\"}",
                "Idempotency-Key",
                key);

        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(api.events(item)).containsExactly("AgendaItemProposed", "AgendaItemWithdrawn");
    }

    @Test
    void aFailedCommitLeavesNothingOfItsChangeInTheAggregateCache() {
        String item = api.propose("KKR Nordjylland", "Budgetopfølgning");
        HttpResponse<String> failed = api.post(
                "/api/agenda-items/" + item + "/withdrawal",
                "{\"reason\": \"" + MARKER + "\"}",
                "Idempotency-Key",
                UUID.randomUUID().toString());
        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(503);

        HttpResponse<String> revised =
                api.http().send("PATCH", "/api/agenda-items/" + item, "{\"title\": \"Budgetopfølgning 2026\"}");

        assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
        assertThat(Http.json(revised).path("version").asLong()).isEqualTo(1);
        assertThat(jdbc.sql("select sequencenumber from domainevententry where aggregateidentifier = ? order by 1")
                        .param(item)
                        .query(Long.class)
                        .list())
                .containsExactly(0L, 1L);
    }

    @Test
    void aCommandWithoutAKeyWhoseCommitFailsIsAServiceUnavailableProblem() {
        String item = api.propose("KKR Nordjylland", "Klimaplan");

        HttpResponse<String> failed =
                api.post("/api/agenda-items/" + item + "/withdrawal", "{\"reason\": \"" + MARKER + "\"}");

        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(503);
        assertThat(failed.headers().firstValue("Retry-After")).isPresent();
        assertThat(api.events(item)).containsExactly("AgendaItemProposed");
    }
}
