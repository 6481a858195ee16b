package dk.sagsspor.events;

import static org.assertj.core.api.Assertions.assertThat;

import dk.sagsspor.events.agendaitem.AgendaItemDeferred;
import dk.sagsspor.events.agendaitem.AgendaItemProposed;
import dk.sagsspor.events.meeting.MeetingScheduled;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published language is a contract. Every event has a golden JSON sample for every version it ever had. The
 * current version's sample must read into the record and write back to the same JSON, with every field present;
 * older samples must read into the current record after upcasting. Renaming, removing or retyping a field, or adding
 * one without a new version and an upcaster, breaks this test.
 */
class GoldenEventSamplesTest {

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    @TestFactory
    Stream<DynamicTest> everyVersionOfEveryEventReadsIntoTheCurrentRecord() {
        return EventCatalog.all().values().stream()
                .flatMap(eventClass -> IntStream.rangeClosed(1, EventCatalog.versionOf(eventClass))
                        .mapToObj(version -> DynamicTest.dynamicTest(
                                eventClass.getSimpleName() + ".v" + version, () -> assertSample(eventClass, version))));
    }

    @Test
    void versionOneProposalsAreUpcastToOpenItems() throws IOException {
        AgendaItemProposed current = upcastSample(AgendaItemProposed.class, 1);

        assertThat(current.closedItem()).isFalse();
        assertThat(current.title()).isEqualTo("Orientering om Udvikling af den specialiserede socialområde");
    }

    @Test
    void versionOneMeetingsAreUpcastToMeetingsWithATimeOfDay() throws IOException {
        MeetingScheduled current = upcastSample(MeetingScheduled.class, 1);

        assertThat(current.dayOnly()).isFalse();
        assertThat(current.start()).hasToString("2025-04-11T08:00:00Z");
    }

    @Test
    void versionOneDeferralsAreMovesFromACancelledMeetingExactlyWhereTheCarryOverSaidSo() {
        Map<String, Object> cancelled = new java.util.HashMap<>(
                Map.of("agendaItemId", "i", "fromMeetingId", "m", "reason", "Mødet blev aflyst", "automatic", true));
        Map<String, Object> byTheCommittee = new java.util.HashMap<>(
                Map.of("agendaItemId", "i", "fromMeetingId", "m", "reason", "Mødet blev aflyst", "automatic", false));

        assertThat(Upcasters.toCurrent("AgendaItemDeferred", 1, cancelled)).containsEntry("meetingCancelled", true);
        assertThat(Upcasters.toCurrent("AgendaItemDeferred", 1, byTheCommittee))
                .containsEntry("meetingCancelled", false);
        assertThat(AgendaItemDeferred.MEETING_CANCELLED).isEqualTo("Mødet blev aflyst");
    }

    @Test
    void catalogResolvesEveryPublishedVersionAndNothingElse() {
        assertThat(EventCatalog.typeOf(AgendaItemProposed.class)).isEqualTo("dk.sagsspor.AgendaItemProposed.v2");
        assertThat(EventCatalog.resolve("dk.sagsspor.AgendaItemProposed.v1"))
                .hasValueSatisfying(type -> assertThat(type.isCurrent()).isFalse());
        assertThat(EventCatalog.resolve("dk.sagsspor.AgendaItemProposed.v2"))
                .hasValueSatisfying(type -> assertThat(type.isCurrent()).isTrue());
        assertThat(EventCatalog.resolve("dk.sagsspor.AgendaItemProposed.v3")).isEmpty();
        assertThat(EventCatalog.resolve("dk.sagsspor.NoSuchThing.v1")).isEmpty();
        assertThat(EventCatalog.resolve("com.example.AgendaItemProposed.v1")).isEmpty();
    }

    private static <E extends SagssporEvent> E upcastSample(Class<E> eventClass, int version) throws IOException {
        Map<String, Object> old = STRICT.readValue(sample(eventClass, version), new TypeReference<>() {});
        return STRICT.convertValue(Upcasters.toCurrent(eventClass.getSimpleName(), version, old), eventClass);
    }

    private static void assertSample(Class<? extends SagssporEvent> eventClass, int version) throws IOException {
        try (InputStream sample = sample(eventClass, version)) {
            assertThat(sample)
                    .as("golden sample of %s v%d", eventClass.getSimpleName(), version)
                    .isNotNull();
            JsonNode golden = STRICT.readTree(sample);
            if (version == EventCatalog.versionOf(eventClass)) {
                SagssporEvent event = STRICT.treeToValue(golden, eventClass);
                assertThat((Object) STRICT.valueToTree(event)).isEqualTo(golden);
            } else {
                Map<String, Object> old = STRICT.convertValue(golden, new TypeReference<>() {});
                SagssporEvent event =
                        STRICT.convertValue(Upcasters.toCurrent(eventClass.getSimpleName(), version, old), eventClass);
                assertThat(event).isNotNull();
            }
        }
    }

    private static InputStream sample(Class<? extends SagssporEvent> eventClass, int version) {
        String feature = eventClass
                .getPackageName()
                .substring(eventClass.getPackageName().lastIndexOf('.') + 1);
        return GoldenEventSamplesTest.class.getResourceAsStream(
                "/events/" + feature + "/" + eventClass.getSimpleName() + ".v" + version + ".json");
    }
}
