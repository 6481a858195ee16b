package dk.sagsspor.command.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Meeting times as people write them: with an offset, or as local time in Denmark. */
public final class CopenhagenTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

    private CopenhagenTime() {}

    /** {@code 2025-04-11T10:00:00+02:00} or {@code 2025-04-11T10:00} (Europe/Copenhagen); null stays null. */
    public static Instant parse(String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atZone(ZONE).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidRequest(
                        field,
                        "must be a date and time like 2025-04-11T10:00 (Danish time) or 2025-04-11T10:00:00+02:00");
            }
        }
    }
}
