package dk.sagsspor.query.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * One representation of time in every answer: a point in time is written with its offset in Danish time
 * ({@code 2025-04-11T10:00:00+02:00}), as the users read it — whether a read model holds it as an instant (timelines,
 * the decision register, promises, an item's {@code created}) or as a time of day already.
 */
@Configuration(proxyBeanMethods = false)
class DanishTimes {

    @Bean
    JsonMapperBuilderCustomizer instantsInDanishTime() {
        return builder ->
                builder.addModule(new SimpleModule("danish-times").addSerializer(Instant.class, new Writer()));
    }

    private static final class Writer extends ValueSerializer<Instant> {

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
            generator.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                    value.atZone(DanishDays.DENMARK).toOffsetDateTime()));
        }
    }
}
