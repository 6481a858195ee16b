package dk.sagsspor.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for tests that talk to a running service the way a user's client would. It logs in with HTTP
 * Basic as {@value #TESTER} (a secretary of every committee, and admin; see {@code sagsspor-test-users.properties})
 * unless told to be someone else ({@link #as}) or nobody ({@link #anonymous}).
 *
 * <p>Every answer under {@code /api/} is checked against the OpenAPI document the service serves ({@link
 * ApiContract}): an answer the document does not describe fails the test that received it, whatever that test
 * asserts.
 */
public final class Http {

    /** The user the tests act as, and the password of every test user: its name + "-password". */
    public static final String TESTER = "tester";

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final String authorization;

    public Http(String baseUrl) {
        this(baseUrl, basic(TESTER));
    }

    private Http(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    public static Http localhost(int port) {
        return new Http("http://localhost:" + port);
    }

    /** The same service, as one of the test users (password: the user name + "-password"). */
    public Http as(String user) {
        return new Http(baseUrl, basic(user));
    }

    /** The same service, with any Authorization header, e.g. a bearer token. */
    public Http withAuthorization(String header) {
        return new Http(baseUrl, header);
    }

    /** The same service, without credentials. */
    public Http anonymous() {
        return new Http(baseUrl, null);
    }

    private static String basic(String user) {
        return "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString(
                                (user + ":" + user + "-password").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    /**
     * A request written byte for byte on a socket, as the tester — for what a client library would not even send (an
     * encoded slash in a path, a broken percent-encoding, a 10 KB header). {@code head} is the request line and any
     * headers, each ending in CRLF; the whole response comes back as text, status line and headers included.
     */
    public static String raw(int port, String head) {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write((head + "Host: localhost\r\nAuthorization: " + basic(TESTER)
                                    + "\r\nConnection: close\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GET whose body is bytes (a PDF, say). */
    public HttpResponse<byte[]> getBytes(String path, String... headers) {
        try {
            HttpResponse<byte[]> response =
                    CLIENT.send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            keepsTheContract(response, "");
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> post(String path, String contentType, String body, String... headers) {
        return send(request(path, headers)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> postJson(String path, String json, String... headers) {
        return post(path, "application/json", json, headers);
    }

    /** Any method with a JSON body, e.g. PATCH or PUT. */
    public HttpResponse<String> send(String method, String path, String json, String... headers) {
        return send(request(path, headers)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Any method with a body of any content type. */
    public HttpResponse<String> sendAs(String method, String path, String contentType, String body, String... headers) {
        return send(request(path, headers)
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        keepsTheContract(response, response.body());
        return response;
    }

    /** Fails with every way the answer departs from the service's OpenAPI document (answers under /api/ only). */
    private void keepsTheContract(HttpResponse<?> response, String body) {
        if (!response.request().uri().getRawPath().startsWith("/api/")) {
            return;
        }
        List<String> violations = contract()
                .violations(new ApiContract.Answer(
                        response.request().method(),
                        response.request().uri(),
                        response.statusCode(),
                        response.headers().firstValue("Content-Type"),
                        body));
        if (!violations.isEmpty()) {
            throw new AssertionError("The answer breaks the OpenAPI document the service serves:\n  "
                    + String.join("\n  ", violations) + "\nbody: "
                    + body.substring(0, Math.min(body.length(), 2000)));
        }
    }

    /** The OpenAPI document this service serves, as a contract its answers are held to. */
    public ApiContract contract() {
        return ApiContract.served(baseUrl, () -> {
            HttpRequest.Builder document = request("/v3/api-docs");
            try {
                return CLIENT.send(document.GET().build(), HttpResponse.BodyHandlers.ofString())
                        .body();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }
}
