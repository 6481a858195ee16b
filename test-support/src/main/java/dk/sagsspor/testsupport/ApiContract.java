package dk.sagsspor.testsupport;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An answer checked against the OpenAPI 3.1 document the service serves, as a client generated from that document
 * would meet it: the operation must be documented, the status listed for it (exactly, as a range like {@code 5XX},
 * or as {@code default}), the media type one it lists, and a JSON body valid against its schema — validated by
 * networknt's JSON Schema 2020-12 validator with the OpenAPI 3.1 dialect, against the document itself, so {@code $ref}s
 * resolve as any client resolves them. What no operation answers (an unknown path, a method the path does not take)
 * must be a 404 or 405 problem.
 *
 * <p>{@link Http} checks every answer under {@code /api/} it receives this way, so every integration test is also a
 * contract test.
 */
public final class ApiContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, ApiContract> SERVED = new ConcurrentHashMap<>();
    private static final Pattern PARAMETER = Pattern.compile("\\{[^}/]+}");

    private final String location;
    private final JsonNode document;
    private final SchemaRegistry registry;
    private final List<Route> routes;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    /** Per document title and documented operation ("GET /api/x"), the statuses it was seen to answer. */
    private static final Map<String, Map<String, Set<Integer>>> ANSWERED = new ConcurrentSkipListMap<>();

    private final Map<String, Set<Integer>> answered;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ApiContract::writeCoverage, "api-contract-coverage"));
    }

    private record Route(String template, Pattern pattern, int parameters) {}

    /** A check of one answer: what is wrong with it, nothing when it keeps the contract. */
    public record Answer(String method, URI uri, int status, Optional<String> contentType, String body) {}

    public ApiContract(String location, String document) {
        this.location = location;
        this.document = JSON.readTree(document);
        this.registry = SchemaRegistry.withDefaultDialect(
                Dialects.getOpenApi31(), builder -> builder.schemas(Map.of(location, document)));
        List<Route> found = new ArrayList<>();
        this.document.path("paths").propertyNames().forEach(template -> found.add(route(template)));
        found.sort(Comparator.comparingInt(Route::parameters).thenComparing(Route::template));
        this.routes = List.copyOf(found);
        this.answered = ANSWERED.computeIfAbsent(
                this.document.path("info").path("title").asString(), title -> new ConcurrentSkipListMap<>());
    }

    /** The contract of the service at {@code baseUrl}: the document it serves, read once. */
    static ApiContract served(String baseUrl, java.util.function.Supplier<String> document) {
        return SERVED.computeIfAbsent(baseUrl, url -> new ApiContract(url + "/v3/api-docs", document.get()));
    }

    /** The documented operations, as {@code "GET /api/agenda-items/{id}"}. */
    public List<String> operations() {
        List<String> operations = new ArrayList<>();
        for (String template : document.path("paths").propertyNames()) {
            for (String method : document.path("paths").path(template).propertyNames()) {
                operations.add(method.toUpperCase(Locale.ROOT) + " " + template);
            }
        }
        return operations;
    }

    /** The operation of the document a request is for, as {@code "GET /api/agenda-items/{id}"}. */
    public Optional<String> operation(String method, URI uri) {
        return route(method, uri.getRawPath()).map(route -> method.toUpperCase(Locale.ROOT) + " " + route.template());
    }

    /** The operation's description in the document, e.g. to read its parameters or request body. */
    public JsonNode describe(String operation) {
        String[] parts = operation.split(" ", 2);
        return document.path("paths").path(parts[1]).path(parts[0].toLowerCase(Locale.ROOT));
    }

    private Optional<Route> route(String method, String path) {
        String lower = method.toLowerCase(Locale.ROOT);
        return routes.stream()
                .filter(r -> r.pattern().matcher(path).matches())
                .filter(r -> document.path("paths").path(r.template()).has(lower))
                .findFirst();
    }

    public List<String> violations(Answer answer) {
        String path = answer.uri().getRawPath();
        String method = answer.method().toLowerCase(Locale.ROOT);
        Optional<Route> route = route(method, path);
        if (route.isEmpty()) {
            if (answer.status() == 404 || answer.status() == 405) {
                return problem(answer, "no operation");
            }
            return List.of(answer.method() + " " + path + " answered " + answer.status()
                    + ", but the document has no such operation");
        }
        String template = route.get().template();
        answered.computeIfAbsent(answer.method() + " " + template, operation -> new ConcurrentSkipListSet<>())
                .add(answer.status());
        String where = answer.method() + " " + template + " → " + answer.status();
        JsonNode responses = document.path("paths").path(template).path(method).path("responses");
        String status = String.valueOf(answer.status());
        String key = responses.has(status)
                ? status
                : responses.has(status.charAt(0) + "XX") ? status.charAt(0) + "XX" : "default";
        if (!responses.has(key)) {
            return List.of(where + ": status not documented (documented: "
                    + String.join(", ", responses.propertyNames()) + ")");
        }
        JsonNode content = responses.path(key).path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return answer.body().isEmpty() ? List.of() : List.of(where + ": a body where the document has none");
        }
        if (answer.contentType().isEmpty()) {
            return answer.body().isEmpty() && answer.status() == 304
                    ? List.of()
                    : List.of(where + ": no Content-Type, documented: " + String.join(", ", content.propertyNames()));
        }
        String mediaType = mediaType(answer.contentType().get());
        Optional<String> documented = content.propertyNames().stream()
                .filter(candidate -> matches(candidate, mediaType))
                .findFirst();
        if (documented.isEmpty()) {
            return List.of(where + ": Content-Type " + mediaType + " not documented (documented: "
                    + String.join(", ", content.propertyNames()) + ")");
        }
        if (!(mediaType.endsWith("/json") || mediaType.endsWith("+json"))) {
            return List.of();
        }
        String pointer = "/paths/" + escape(template) + "/" + method + "/responses/" + escape(key) + "/content/"
                + escape(documented.get()) + "/schema";
        return validate(where, pointer, answer.body());
    }

    /**
     * What the tests of this JVM exercised, written to {@code target/api-contract-coverage.txt} when it exits: each
     * documented operation with the statuses it answered, and those never called or never seen to succeed or refuse.
     */
    private static void writeCoverage() {
        if (SERVED.isEmpty() || !Files.isDirectory(Path.of("target"))) {
            return;
        }
        StringBuilder report = new StringBuilder();
        Map<String, ApiContract> byTitle = new java.util.TreeMap<>();
        SERVED.values()
                .forEach(contract -> byTitle.putIfAbsent(
                        contract.document.path("info").path("title").asString(), contract));
        byTitle.values().forEach(contract -> report.append(contract.coverage()));
        try {
            Files.writeString(Path.of("target", "api-contract-coverage.txt"), report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String coverage() {
        StringBuilder report =
                new StringBuilder(document.path("info").path("title").asString() + "\n");
        List<String> operations = operations();
        int both = 0;
        for (String operation : operations) {
            Set<Integer> statuses = answered.getOrDefault(operation, Set.of());
            Optional<String> lacking = lacking(statuses);
            both += lacking.isEmpty() ? 1 : 0;
            report.append(String.format("%-70s %-28s %s%n", operation, statuses, lacking.orElse("")));
        }
        return report.append(both + " of " + operations.size() + " operations seen both to succeed and to refuse\n\n")
                .toString();
    }

    private static Optional<String> lacking(Set<Integer> statuses) {
        boolean succeeded = statuses.stream().anyMatch(status -> status < 400);
        boolean refused = statuses.stream().anyMatch(status -> status >= 400 && status < 500);
        return statuses.isEmpty()
                ? Optional.of("never called")
                : !succeeded
                        ? Optional.of("never succeeded")
                        : !refused ? Optional.of("never refused") : Optional.empty();
    }

    /**
     * What one test saw each documented operation answer, to hold it to exercising every operation both ways: each
     * must have succeeded (a 2xx or 3xx) and refused (a 4xx) at least once.
     */
    public final class Exercise {

        private final Map<String, Set<Integer>> seen = new ConcurrentSkipListMap<>();

        public <T> HttpResponse<T> record(HttpResponse<T> response) {
            String operation = operation(
                            response.request().method(), response.request().uri())
                    .orElseThrow(() -> new AssertionError("not an operation of the document: "
                            + response.request().method() + " "
                            + response.request().uri()));
            seen.computeIfAbsent(operation, o -> new ConcurrentSkipListSet<>()).add(response.statusCode());
            return response;
        }

        /** Each operation not yet seen both to succeed and to refuse, with what it lacks. */
        public List<String> incomplete() {
            return operations().stream()
                    .flatMap(operation ->
                            lacking(seen.getOrDefault(operation, Set.of()))
                                    .map(lack -> operation + ": " + lack)
                                    .stream())
                    .toList();
        }
    }

    public Exercise exercise() {
        return new Exercise();
    }

    private List<String> problem(Answer answer, String why) {
        String where = answer.method() + " " + answer.uri().getRawPath() + " → " + answer.status() + " (" + why + ")";
        if (answer.contentType()
                .map(ApiContract::mediaType)
                .filter("application/problem+json"::equals)
                .isEmpty()) {
            return List.of(where + ": not a problem (Content-Type "
                    + answer.contentType().orElse("none") + ")");
        }
        return validate(where, "/components/schemas/Problem", answer.body());
    }

    private List<String> validate(String where, String pointer, String body) {
        JsonNode instance;
        try {
            instance = JSON.readTree(body);
        } catch (JacksonException e) {
            return List.of(where + ": the body is not JSON: " + e.getOriginalMessage());
        }
        Schema schema =
                schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(location + "#" + p)));
        List<Error> errors = schema.validate(instance);
        return errors.stream()
                .map(error -> where + ": " + error.getInstanceLocation() + " " + error.getMessage())
                .toList();
    }

    private static Route route(String template) {
        StringBuilder regex = new StringBuilder();
        var matcher = PARAMETER.matcher(template);
        int at = 0;
        int parameters = 0;
        while (matcher.find()) {
            regex.append(Pattern.quote(template.substring(at, matcher.start()))).append("[^/]+");
            at = matcher.end();
            parameters++;
        }
        regex.append(Pattern.quote(template.substring(at)));
        return new Route(template, Pattern.compile(regex.toString()), parameters);
    }

    private static String mediaType(String contentType) {
        return contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    private static boolean matches(String documented, String actual) {
        if (documented.equals("*/*") || documented.equals(actual)) {
            return true;
        }
        return documented.endsWith("/*") && actual.startsWith(documented.substring(0, documented.length() - 1));
    }

    /** A JSON pointer's reference token (RFC 6901). */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
