package dk.sagsspor.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI documents are checked in under {@code docs/openapi/}, where reviewers see API changes and the linter
 * reads them. A test compares what a running service serves with the checked-in file; run the build with
 * {@code -Dsagsspor.openapi.update=true} to write the served document instead.
 */
public final class OpenApiDocuments {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private OpenApiDocuments() {}

    public static void assertCheckedIn(Http service, String name) {
        Path file = Path.of("..", "docs", "openapi", name + ".json");
        JsonNode served = Http.json(service.get("/v3/api-docs"));
        String text = JSON.writeValueAsString(served) + "\n";
        try {
            if (Boolean.getBoolean("sagsspor.openapi.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, text);
            }
            assertThat(file).as("checked-in OpenAPI document %s", file).exists();
            assertThat(JSON.readTree(Files.readString(file)))
                    .as(
                            "%s differs from the served document; run the build with -Dsagsspor.openapi.update=true"
                                    + " and commit the change",
                            file)
                    .isEqualTo(served);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
