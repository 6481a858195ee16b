package dk.sagsspor.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dk.sagsspor.testsupport.ApiContract.Answer;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiContractTest {

    private static final String DOCUMENT = """
            {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
             "paths": {
               "/api/items/{id}": {"get": {"responses": {
                 "200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}}}},
                 "404": {"description": "no", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}},
                 "5XX": {"description": "failed", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}},
               "/api/items/outstanding": {"get": {"responses": {
                 "200": {"description": "ok", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}}}}}}}},
               "/api/calendars/{who}.ics": {"get": {"responses": {
                 "200": {"description": "ok", "content": {"text/calendar": {"schema": {"type": "string"}}}}}}}
             },
             "components": {"schemas": {
               "Item": {"type": "object", "required": ["id", "meeting"],
                        "properties": {"id": {"type": "string"}, "meeting": {"type": ["string", "null"]}}},
               "Problem": {"type": "object", "required": ["type", "title", "status"],
                           "properties": {"type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"}}}
             }}}
            """;

    private final ApiContract contract = new ApiContract("https://contract.test/openapi.json", DOCUMENT);

    @Test
    void anAnswerAsDocumentedKeepsIt() {
        assertThat(contract.violations(json("/api/items/1", 200, "{\"id\": \"1\", \"meeting\": null}")))
                .isEmpty();
        assertThat(contract.violations(json("/api/items/outstanding", 200, "[{\"id\": \"1\", \"meeting\": \"m\"}]")))
                .as("a literal path wins over a template")
                .isEmpty();
        assertThat(contract.violations(new Answer(
                        "GET",
                        URI.create("http://x/api/calendars/hast.ics"),
                        200,
                        Optional.of("text/calendar;charset=UTF-8"),
                        "BEGIN:VCALENDAR")))
                .isEmpty();
        assertThat(contract.violations(problem("/api/items/1", 503))).as("5XX").isEmpty();
    }

    @Test
    void aNullOrMissingPropertyOrAWrongTypeBreaksIt() {
        assertThat(contract.violations(json("/api/items/1", 200, "{\"id\": null, \"meeting\": null}")))
                .singleElement()
                .asString()
                .contains("GET /api/items/{id} → 200", "/id");
        assertThat(contract.violations(json("/api/items/1", 200, "{\"id\": \"1\"}")))
                .singleElement()
                .asString()
                .contains("meeting");
        assertThat(contract.violations(json("/api/items/outstanding", 200, "[{\"id\": 1, \"meeting\": null}]")))
                .singleElement()
                .asString()
                .contains("/0/id");
    }

    @Test
    void anUndocumentedStatusMediaTypeOrOperationBreaksIt() {
        assertThat(contract.violations(problem("/api/items/1", 409)))
                .singleElement()
                .asString()
                .contains("status not documented (documented: 200, 404, 5XX)");
        assertThat(contract.violations(
                        new Answer("GET", URI.create("http://x/api/items/1"), 404, Optional.of("text/html"), "<html>")))
                .singleElement()
                .asString()
                .contains("Content-Type text/html not documented");
        assertThat(contract.violations(json("/api/nothing", 200, "{}")))
                .singleElement()
                .asString()
                .contains("no such operation");
        assertThat(contract.violations(new Answer(
                        "DELETE", URI.create("http://x/api/items/1"), 405, Optional.of("text/html"), "<html>")))
                .as("what no operation answers must still be a problem")
                .singleElement()
                .asString()
                .contains("not a problem");
        assertThat(contract.violations(problem("/api/nothing", 404))).isEmpty();
    }

    @Test
    void anOperationIsFoundByItsTemplateAndALiteralPathWins() {
        assertThat(contract.operations())
                .containsExactly("GET /api/items/{id}", "GET /api/items/outstanding", "GET /api/calendars/{who}.ics");
        assertThat(contract.operation("GET", URI.create("http://x/api/items/outstanding?q=1")))
                .hasValue("GET /api/items/outstanding");
        assertThat(contract.operation("POST", URI.create("http://x/api/items/1")))
                .isEmpty();
    }

    private static Answer json(String path, int status, String body) {
        return new Answer("GET", URI.create("http://x" + path), status, Optional.of("application/json"), body);
    }

    private static Answer problem(String path, int status) {
        return new Answer(
                "GET",
                URI.create("http://x" + path),
                status,
                Optional.of("application/problem+json"),
                "{\"type\": \"https://sagsspor.dk/problems/x\", \"title\": \"X\", \"status\": " + status + "}");
    }
}
