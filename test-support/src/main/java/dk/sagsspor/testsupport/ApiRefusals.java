package dk.sagsspor.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * A request every documented operation must refuse, made from the document itself: a body that is not what the
 * operation reads, an id nothing has, a page that does not exist, or no credentials. So a new operation is refused
 * (and the refusal checked against the document, by {@link Http}) the day it is documented, without a test of its
 * own.
 */
public final class ApiRefusals {

    /** An id no resource has, in every path parameter. */
    static final String UNKNOWN = "00000000-0000-4000-8000-000000000000";

    private ApiRefusals() {}

    /** Sends each operation of the service's document one request it must refuse with a 4xx problem. */
    public static void refuseEveryOperation(Http http, ApiContract.Exercise exercise) {
        ApiContract contract = http.contract();
        for (String operation : contract.operations()) {
            HttpResponse<String> answer = exercise.record(refusal(http, operation, contract.describe(operation)));
            assertThat(answer.statusCode())
                    .as("%s must refuse this: %s", operation, answer.body())
                    .isBetween(400, 499);
        }
    }

    private static HttpResponse<String> refusal(Http http, String operation, JsonNode description) {
        String method = operation.substring(0, operation.indexOf(' '));
        String template = operation.substring(operation.indexOf(' ') + 1);
        String path = template.replaceAll("\\{[^}/]+}", UNKNOWN);
        JsonNode bodies = description.path("requestBody").path("content");
        if (!bodies.isEmpty()) {
            String type = bodies.propertyNames().iterator().next();
            return http.sendAs(method, path, type, type.toLowerCase(Locale.ROOT).endsWith("json") ? "{\"" : "nothing");
        }
        if (!path.equals(template)) {
            return send(http, method, path);
        }
        boolean paged = description
                .path("parameters")
                .valueStream()
                .anyMatch(parameter -> "page".equals(parameter.path("name").asString()));
        return paged ? send(http, method, path + "?page=0") : send(http.anonymous(), method, path);
    }

    private static HttpResponse<String> send(Http http, String method, String path) {
        return method.equals("GET") ? http.get(path) : http.sendAs(method, path, "application/json", "");
    }
}
