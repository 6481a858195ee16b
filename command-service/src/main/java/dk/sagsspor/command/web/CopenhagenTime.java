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

    /**
     * {@code 2025-04-11T10:00:00+02:00} or {@code 2025-04-11T10:00} (Europe/Copenhagen); null stays null. A Danish local
     * time that does not exist (in the spring-forward gap) or occurs twice (in the fall-back overlap) is refused.
     */
    public static Instant parse(String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            LocalDateTime local;
            try {
                local = LocalDateTime.parse(text);
            } catch (DateTimeParseException e) {
                throw new InvalidRequest(
                        field,
                        "must be a date and time like 2025-04-11T10:00 (Danish time) or 2025-04-11T10:00:00+02:00");
            }
            // a local time the clocks skip (spring forward) does not exist, one they pass twice (fall back) is
            // ambiguous: neither is moved or guessed
            int offsets = ZONE.getRules().getValidOffsets(local).size();
            if (offsets == 0) {
                throw new InvalidRequest(
                        field, "does not exist in Danish time: the clocks are put forward that night (" + text + ")");
            }
            if (offsets > 1) {
                throw new InvalidRequest(
                        field,
                        "occurs twice in Danish time as the clocks are put back that night: give the offset, e.g. "
                                + text + ":00+02:00 or " + text + ":00+01:00");
            }
            return local.atZone(ZONE).toInstant();
        }
    }
}
