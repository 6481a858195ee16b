package dk.sagsspor.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published language is a contract: every event type has a golden JSON sample per version, and each sample must
 * read into the record and write back to the same JSON. Renaming, removing or retyping a field breaks this test.
 */
class GoldenEventSamplesTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @TestFactory
    Stream<DynamicTest> everyEventTypeRoundTripsItsGoldenSample() {
        return EventCatalog.all().entrySet().stream()
                .map(entry -> DynamicTest.dynamicTest(
                        entry.getKey(), () -> assertRoundTrip(entry.getKey(), entry.getValue())));
    }

    @Test
    void catalogNamesTypesByEventAndVersion() {
        assertThat(EventCatalog.typeOf(dk.sagsspor.events.agendaitem.AgendaItemProposed.class))
                .isEqualTo("dk.sagsspor.AgendaItemProposed.v1");
        assertThat(EventCatalog.classOf("dk.sagsspor.AgendaItemProposed.v1"))
                .contains(dk.sagsspor.events.agendaitem.AgendaItemProposed.class);
        assertThat(EventCatalog.classOf("dk.sagsspor.NoSuchThing.v1")).isEmpty();
    }

    private static void assertRoundTrip(String type, Class<? extends SagssporEvent> eventClass) throws IOException {
        String feature = eventClass
                .getPackageName()
                .substring(eventClass.getPackageName().lastIndexOf('.') + 1);
        String version = type.substring(type.lastIndexOf('.') + 1);
        String resource = "/events/" + feature + "/" + eventClass.getSimpleName() + "." + version + ".json";
        try (InputStream sample = GoldenEventSamplesTest.class.getResourceAsStream(resource)) {
            assertThat(sample).as("golden sample %s for %s", resource, type).isNotNull();
            JsonNode golden = JSON.readTree(sample);
            SagssporEvent event = JSON.treeToValue(golden, eventClass);
            assertThat((Object) JSON.valueToTree(event)).as(resource).isEqualTo(golden);
        }
    }
}
