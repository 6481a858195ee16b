package dk.sagsspor.events.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The alerts topic is a contract with other systems, like the events: its golden sample reads and writes back. */
class DeadlineAlertContractTest {

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    @Test
    void theGoldenSampleReadsIntoTheRecordAndWritesBackUnchanged() throws IOException {
        try (InputStream sample = getClass().getResourceAsStream("/events/alert/DeadlineAlert.v1.json")) {
            JsonNode golden = STRICT.readTree(sample);

            DeadlineAlert alert = STRICT.treeToValue(golden, DeadlineAlert.class);

            assertThat((Object) STRICT.valueToTree(alert)).isEqualTo(golden);
            assertThat(alert.kind()).isEqualTo(DeadlineAlert.REMINDER);
            assertThat(DeadlineAlert.TYPE).endsWith(".v1");
        }
    }
}
