package dk.sagsspor.web.contract;

import dk.sagsspor.web.StatusProblems;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The answers both services give besides success, in their OpenAPI documents: every refusal is an RFC 9457 problem
 * ({@code application/problem+json}, schema {@code Problem}), and every operation lists the statuses it can answer —
 * those any request can meet (400, 401, 403, 406, 5XX), 404 where the path names a resource, 415 where there is a
 * body. A service adds its own ({@link #add}), e.g. the command service's 409, 412, 422 and 503.
 *
 * <p>It also states what a generated client needs to know about the success bodies: every property of an answer is
 * always present ({@code required}) — null where {@link NullableComponents} says it may be — since the services write
 * null properties rather than leave them out.
 */
public final class ProblemResponses implements OpenApiCustomizer {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void customise(OpenAPI api) {
        api.getComponents().addSchemas("Problem", problem());
        Set<String> answers = reachable(api, true);
        answers.removeAll(reachable(api, false));
        answers.remove("Problem");
        answers.forEach(name -> {
            Schema<?> schema = api.getComponents().getSchemas().get(name);
            if (schema.getProperties() != null) {
                schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
            }
        });
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    if (operation.getResponses() != null) {
                        operation.getResponses().values().forEach(ProblemResponses::withoutTheUntypedReturnValue);
                    }
                    add(operation, "400", """
                    Invalid input: `invalid-request` with `errors[]` naming each parameter, header or body field and \
                    what it must be; `rejected-request` for what the servlet container refuses before the service \
                    (an encoded `/` or NUL in the path, a request line or header too large).""");
                    add(operation, "401", "`unauthenticated`: no credentials, or wrong ones.");
                    add(operation, "403", """
                    `forbidden`: your roles do not allow this request; `not-your-committee` (naming `committee`) \
                    for another committee's meeting or item.""");
                    if (path.contains("{")) {
                        add(operation, "404", "`not-found`: nothing is known (or visible to you) by this id.");
                    }
                    add(
                            operation,
                            "406",
                            "`not-acceptable`: the answer cannot be given in a media type `Accept` takes.");
                    if (operation.getRequestBody() != null) {
                        add(operation, "415", "`unsupported-media-type`: the body is not in a media type this takes.");
                    }
                    add(operation, "5XX", """
                    The service failed (`internal-error`, a defect: nothing was recorded) or cannot reach what it \
                    depends on; try again later.""");
                }));
    }

    /**
     * A handler that returns {@code ResponseEntity<?>} and names its answers' schemas in an annotation gets both from
     * springdoc: {@code oneOf} a bare {@code object} and the named schema, which every object matches twice. The
     * named schema is the answer.
     */
    private static void withoutTheUntypedReturnValue(ApiResponse response) {
        if (response.getContent() == null) {
            return;
        }
        response.getContent().values().forEach(media -> {
            Schema<?> schema = media.getSchema();
            if (schema != null && schema.getOneOf() != null && schema.getOneOf().size() == 2) {
                Schema<?> first = schema.getOneOf().get(0);
                boolean untyped = first.get$ref() == null
                        && first.getProperties() == null
                        && first.getOneOf() == null
                        && first.getAnyOf() == null
                        && (first.getTypes() == null || first.getTypes().equals(Set.of("object")))
                        && (first.getType() == null || "object".equals(first.getType()));
                if (untyped) {
                    media.setSchema(schema.getOneOf().get(1));
                }
            }
        });
    }

    /** Adds a problem answer to an operation, unless it has that status already. */
    public static void add(Operation operation, String status, String description) {
        add(operation, status, description, Map.of());
    }

    /** Adds a problem answer with headers (e.g. {@code Retry-After}), unless the operation has that status already. */
    public static void add(Operation operation, String status, String description, Map<String, Header> headers) {
        ApiResponse response = new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(PROBLEM_JSON, new MediaType().schema(new JsonSchema().$ref(PROBLEM_REF))));
        if (!headers.isEmpty()) {
            response.setHeaders(new LinkedHashMap<>(headers));
        }
        add(operation, status, response);
    }

    /** Adds any answer to an operation, unless it has that status already; the answers stay in order of status. */
    public static void add(Operation operation, String status, ApiResponse response) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        operation.getResponses().putIfAbsent(status, response);
        List<String> order = new ArrayList<>(operation.getResponses().keySet());
        order.sort(String::compareTo);
        ApiResponses sorted = new ApiResponses();
        order.forEach(code -> sorted.put(code, operation.getResponses().get(code)));
        operation.setResponses(sorted);
    }

    /** A header of an answer, e.g. {@code Retry-After}. */
    public static Header header(String description, String type) {
        return new Header().description(description).schema(new JsonSchema().types(Set.of(type)));
    }

    private static Schema<?> problem() {
        return new JsonSchema()
                .types(Set.of("object"))
                .description("""
                        An RFC 9457 problem. `type` is one of the catalogue under https://sagsspor.dk/problems/ \
                        (see docs/api.md); members beyond the standard ones name what the problem is about: `errors` \
                        for invalid input, `id` for an unknown id, `committee` for another committee's, `rule` for a \
                        rule violation.""")
                .addProperty(
                        "type",
                        string("uri", "What kind of problem, e.g. https://sagsspor.dk/problems/invalid-request")
                                .pattern("^" + java.util.regex.Pattern.quote(StatusProblems.TYPE_BASE) + "[a-z0-9-]+$"))
                .addProperty("title", string(null, "The kind of problem in words"))
                .addProperty("status", new JsonSchema().types(Set.of("integer")).format("int32"))
                .addProperty("detail", string(null, "This occurrence in words"))
                .addProperty("instance", string("uri-reference", "The request path"))
                .addProperty(
                        "errors",
                        new JsonSchema()
                                .types(Set.of("array"))
                                .description("For invalid input: each field that is wrong, and what it must be")
                                .items(new JsonSchema()
                                        .types(Set.of("object"))
                                        .addProperty(
                                                "field",
                                                string(
                                                        null,
                                                        "A body field (e.g. caseOfficers[0]), parameter or header"))
                                        .addProperty("message", string(null, "What it must be"))
                                        .required(List.of("field", "message"))))
                .required(List.of("type", "title", "status"))
                // invalid input names each field that is wrong; a 400 is invalid input, or refused by the container
                .allOf(List.of(
                        new JsonSchema()
                                ._if(new JsonSchema()
                                        .addProperty(
                                                "type",
                                                new JsonSchema()._const(StatusProblems.TYPE_BASE + "invalid-request"))
                                        .required(List.of("type")))
                                .then(new JsonSchema()
                                        .addProperty("errors", new JsonSchema().minItems(1))
                                        .required(List.of("errors"))),
                        new JsonSchema()
                                ._if(new JsonSchema()
                                        .addProperty("status", new JsonSchema()._const(400))
                                        .required(List.of("status")))
                                .then(new JsonSchema()
                                        .addProperty(
                                                "type",
                                                new JsonSchema()
                                                        ._enum(List.<Object>of(
                                                                StatusProblems.TYPE_BASE + "invalid-request",
                                                                StatusProblems.TYPE_BASE + "rejected-request"))))))
                .examples(List.of(Map.of(
                        "type", "https://sagsspor.dk/problems/invalid-request",
                        "title", "Invalid request",
                        "status", 400,
                        "detail", "The request has 1 invalid field(s).",
                        "instance", "/api/agenda-items/0b6f…/follow-ups",
                        "errors",
                                List.of(Map.of(
                                        "field",
                                        "dueDate",
                                        "message",
                                        "must be a date that exists, like 2025-05-31")))));
    }

    private static Schema<?> string(String format, String description) {
        return new JsonSchema().types(Set.of("string")).format(format).description(description);
    }

    /** The component schemas an answer (or, with {@code answers} false, a request body) can hold. */
    private static Set<String> reachable(OpenAPI api, boolean answers) {
        Set<String> found = new TreeSet<>();
        List<Object> roots = new ArrayList<>();
        for (PathItem item : api.getPaths().values()) {
            for (Operation operation : item.readOperations()) {
                if (answers && operation.getResponses() != null) {
                    roots.add(operation.getResponses());
                } else if (!answers && operation.getRequestBody() != null) {
                    roots.add(operation.getRequestBody());
                }
            }
        }
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        List<String> todo = new ArrayList<>();
        roots.forEach(root -> refs(root, todo));
        while (!todo.isEmpty()) {
            String name = todo.removeLast();
            if (found.add(name) && schemas.containsKey(name)) {
                refs(schemas.get(name), todo);
            }
        }
        return found;
    }

    private static void refs(Object node, List<String> into) {
        switch (node) {
            case null -> {}
            case Schema<?> schema -> {
                if (schema.get$ref() != null) {
                    into.add(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
                }
                if (schema.getProperties() != null) {
                    schema.getProperties().values().forEach(p -> refs(p, into));
                }
                refs(schema.getItems(), into);
                if (schema.getAdditionalProperties() instanceof Schema<?> values) {
                    refs(values, into);
                }
                for (List<Schema> parts :
                        java.util.Arrays.asList(schema.getAnyOf(), schema.getOneOf(), schema.getAllOf())) {
                    if (parts != null) {
                        parts.forEach(p -> refs(p, into));
                    }
                }
            }
            case ApiResponses responses -> responses.values().forEach(r -> refs(r.getContent(), into));
            case io.swagger.v3.oas.models.parameters.RequestBody body -> refs(body.getContent(), into);
            case Content content -> content.values().forEach(m -> refs(m.getSchema(), into));
            default -> {}
        }
    }
}
