package dk.sagsspor.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dk.sagsspor.events.EventCatalog;
import dk.sagsspor.events.SagssporEvent;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every event of the catalogue reads as a line in a timeline: a new event type — in a new aggregate's sealed interface
 * as much as in an existing one — without its own summary fails here (in an existing one it also fails to compile).
 */
class SummariesTest {

    @Test
    void everyEventOfTheCatalogueHasASummaryOfItsOwn() {
        assertThat(EventCatalog.all()).isNotEmpty();
        for (Class<? extends SagssporEvent> type : EventCatalog.all().values()) {
            String summary = Summaries.of((SagssporEvent) instance(type));
            assertThat(summary)
                    .as(type.getSimpleName() + " has no summary of its own")
                    .isNotBlank()
                    .isNotEqualTo(type.getSimpleName());
        }
    }

    /** A record of the type with a plain value in every component (an event's content does not matter here). */
    private static Object instance(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types =
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] values = Arrays.stream(types).map(SummariesTest::value).toArray();
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot make a " + type.getSimpleName(), e);
        }
    }

    private static Object value(Class<?> type) {
        if (type == String.class) {
            return "x";
        } else if (type == boolean.class || type == Boolean.class) {
            return false;
        } else if (type == int.class || type == Integer.class) {
            return 1;
        } else if (type == long.class || type == Long.class) {
            return 1L;
        } else if (type == LocalDate.class) {
            return LocalDate.of(2025, 5, 31);
        } else if (type == LocalTime.class) {
            return LocalTime.NOON;
        } else if (type == LocalDateTime.class) {
            return LocalDateTime.of(2025, 5, 31, 12, 0);
        } else if (type == Instant.class) {
            return Instant.parse("2025-05-31T10:00:00Z");
        } else if (type == List.class) {
            return List.of();
        } else if (type == Set.class) {
            return Set.of();
        } else if (type == Map.class) {
            return Map.of();
        } else if (type.isEnum()) {
            return type.getEnumConstants()[0];
        } else if (type.isRecord()) {
            return instance(type);
        }
        throw new IllegalArgumentException("No plain value for " + type);
    }
}
