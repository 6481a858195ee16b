package dk.sagsspor.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client that does what docs/api.md tells clients to: every command carries an {@code Idempotency-Key}, and an
 * answer that does not settle the command — no answer at all, a timeout, a {@code 5xx} (a {@code 503} with its
 * {@code Retry-After}), or a {@code 409 concurrent-change} — is retried with the same key, backing off, until it is
 * settled or the client gives up. Every attempt is observed (time, status) for the report.
 */
final class Client {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** One attempt as the client saw it: when, and the status (0: no answer). */
    record Attempt(Instant at, int status) {}

    /** How a command ended: acknowledged (2xx), refused (another 4xx), or given up on (never settled). */
    record Outcome(String kind, int status, JsonNode body, int attempts) {
        boolean acknowledged() {
            return kind.equals("acknowledged");
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final String baseUrl;
    private final String authorization;
    final List<Attempt> attempts = new CopyOnWriteArrayList<>();

    Client(String baseUrl, String user, String password) {
        this.baseUrl = baseUrl;
        this.authorization = "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a command until it is settled or {@code giveUpAt} has passed. */
    Outcome command(String method, String path, String json, String idempotencyKey, String ifMatch, Instant giveUpAt) {
        long backoff = 250;
        int tries = 0;
        while (true) {
            tries++;
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(15))
                    .header("Authorization", authorization)
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            int status;
            JsonNode body = null;
            long retryAfter = 0;
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                body = parse(response.body());
                retryAfter = response.headers()
                        .firstValue("Retry-After")
                        .map(Long::parseLong)
                        .orElse(0L);
            } catch (IOException e) {
                status = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome("given-up", 0, null, tries);
            }
            attempts.add(new Attempt(Instant.now(), status));
            if (status >= 200 && status < 300) {
                return new Outcome("acknowledged", status, body, tries);
            }
            boolean unsettled = status == 0
                    || status >= 500
                    || (status == 409
                            && body != null
                            && body.path("type").asString("").endsWith("/concurrent-change"));
            if (!unsettled) {
                return new Outcome("refused", status, body, tries);
            }
            if (Instant.now().isAfter(giveUpAt)) {
                return new Outcome("given-up", status, body, tries);
            }
            sleep(Math.max(backoff, Math.min(retryAfter, 5) * 1000));
            backoff = Math.min(backoff * 2, 4_000);
        }
    }

    /** A GET, once; null if there was no answer. */
    HttpResponse<String> get(String path) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + path))
                            .timeout(Duration.ofSeconds(15))
                            .header("Authorization", authorization)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
