package dk.sagsspor.benchmark;

import dk.sagsspor.events.EventCatalog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * M6: how fast the tamper-evident history is kept and checked. Starts a second command service from its jar on an
 * empty database (the event and seal topics its own), stores {@code events} events of the realistic mix of {@link Mix}
 * directly in its event store (as Axon writes them: JSON payload and metadata, the aggregate's type and sequence) with its
 * event processors' tokens at the head (a store restored with its processors up to date: nothing else runs while it
 * is measured), then times the chain over all of them (a seal on demand: {@code POST /api/audit/seals}) and their
 * verification ({@code GET /api/audit/verification}), with the service's and PostgreSQL's CPU.
 */
final class Audit {

    /** What M6 measured. */
    record Result(
            long events,
            double chainSeconds,
            double chainEventsPerSecond,
            double verifySeconds,
            double verifyEventsPerSecond,
            double verifyServiceCpuSeconds,
            double verifyPostgresCpuSeconds,
            boolean intact,
            long eventsVerified) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PORT = 8093;

    private final ServiceJar services;
    private final String postgres;
    private final Path commandJar;
    private final Path logs;

    Audit(ServiceJar services, Path commandJar) {
        this.services = services;
        this.postgres = services.postgres();
        this.commandJar = commandJar;
        this.logs = services.logs();
    }

    Result run(long events, String token, Observe observe) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String database = "sagsspor_audit_" + run;
        services.createDatabase(database);
        String topic = "bench.audit." + run;
        List<String> arguments = List.of(
                "--sagsspor.publishing.topic=" + topic,
                "--sagsspor.audit.seal-topic=" + topic + ".seals",
                "--sagsspor.audit.settle=0s",
                "--sagsspor.audit.chain-interval=1h",
                "--sagsspor.audit.seal-interval=1h");
        HttpClient http = HttpClient.newHttpClient();
        // a first start creates the schema and the event processors' tokens
        Process service = services.start(commandJar, PORT, database, arguments, "audit-command-service-setup.log");
        try {
            awaitReady(http, service);
        } finally {
            service.destroy();
            service.waitFor();
        }
        System.out.printf("  storing %,d events in %s%n", events, database);
        store(database, events);
        // as a store restored with its processors up to date: the relay and the carry-over process start at its head
        // (else the relay would publish a million events and the carry-over act on the mix's deferrals meanwhile)
        try (Connection connection = DriverManager.getConnection(postgres + database, "sagsspor", "")) {
            connection.createStatement().executeUpdate("""
                    update tokenentry
                       set token = convert_to('{"index":' || (select max(globalindex) from domainevententry)
                                              || ',"gaps":[]}', 'UTF8'),
                           owner = null""");
        }
        service = services.start(commandJar, PORT, database, arguments, "audit-command-service.log");
        try {
            awaitReady(http, service);

            System.out.printf("  chaining %,d events (a seal on demand)%n", events);
            long start = System.nanoTime();
            HttpResponse<String> seal = send(http, token, "POST", "/api/audit/seals");
            double chainSeconds = (System.nanoTime() - start) / 1e9;
            if (seal.statusCode() != 200) {
                throw new IllegalStateException("the seal was answered " + seal.statusCode() + ": " + seal.body());
            }

            System.out.printf("  verifying %,d events%n", events);
            double cpuBefore = Observe.ticks(service.pid()) / 100.0;
            double postgresBefore = observe.cpuSeconds().getOrDefault("postgres/" + database, 0.0);
            start = System.nanoTime();
            HttpResponse<String> verification = send(http, token, "GET", "/api/audit/verification");
            double verifySeconds = (System.nanoTime() - start) / 1e9;
            double cpu = Observe.ticks(service.pid()) / 100.0 - cpuBefore;
            double postgresCpu =
                    observe.cpuSeconds().getOrDefault("postgres/" + database, 0.0) - postgresBefore;
            JsonNode result = JSON.readTree(verification.body());
            if (verification.statusCode() != 200) {
                throw new IllegalStateException(
                        "the verification was answered " + verification.statusCode() + ": " + verification.body());
            }
            long verified = result.path("eventsVerified").asLong();
            return new Result(
                    events,
                    chainSeconds,
                    events / chainSeconds,
                    verifySeconds,
                    verified / verifySeconds,
                    cpu,
                    postgresCpu,
                    result.path("intact").asBoolean(),
                    verified);
        } finally {
            service.destroy();
            service.waitFor();
        }
    }

    private void awaitReady(HttpClient http, Process service) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the audit's command service stopped; see its log in " + logs);
            }
            try {
                HttpResponse<String> ready = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/actuator/health/readiness"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the audit's command service did not become ready; see " + logs);
    }

    /** Stores the events as Axon's JDBC event store does: one row each, in batches of 5,000. */
    private void store(String database, long events) throws Exception {
        Instant time = Instant.now().minus(Duration.ofDays(30));
        try (Connection connection =
                DriverManager.getConnection(postgres + database + "?reWriteBatchedInserts=true", "sagsspor", "")) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,
                                                  metadata, payload, payloadrevision, payloadtype, timestamp)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                long written = 0;
                for (int cycle = 0; written < events; cycle++) {
                    for (Mix.Event event : Mix.cycle(cycle)) {
                        if (written == events) {
                            break;
                        }
                        insert.setString(1, event.event().aggregateId());
                        insert.setLong(2, event.sequence());
                        insert.setString(3, event.aggregateType());
                        insert.setString(4, UUID.randomUUID().toString());
                        insert.setBytes(5, ("{\"actor\":\"benchmark\",\"correlationId\":\"" + UUID.randomUUID()
                                        + "\",\"traceId\":\"" + UUID.randomUUID() + "\"}")
                                .getBytes(StandardCharsets.UTF_8));
                        insert.setBytes(6, JSON.writeValueAsBytes(event.event()));
                        insert.setString(7, Integer.toString(EventCatalog.versionOf(event.event().getClass())));
                        insert.setString(8, event.event().getClass().getName());
                        insert.setString(9, time.plusMillis(written).toString());
                        insert.addBatch();
                        written++;
                        if (written % 5_000 == 0) {
                            insert.executeBatch();
                            connection.commit();
                        }
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
        }
    }

    private static HttpResponse<String> send(HttpClient http, String token, String method, String path)
            throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path))
                        .header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofMinutes(30))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
