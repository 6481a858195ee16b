package dk.sagsspor.query.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Date and time parameters as staff give them: days and times in Danish time. */
public final class DanishDays {

    public static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");

    private DanishDays() {}

    /** The start of the given day (plus some days) in Danish time; null stays null; 400 if it is no date. */
    public static Timestamp startOf(String parameter, String text, int plusDays) {
        LocalDate day = day(parameter, text);
        return day == null
                ? null
                : Timestamp.from(day.plusDays(plusDays).atStartOfDay(DENMARK).toInstant());
    }

    /** A day as given ({@code 2025-04-11}); null stays null; 400 if it is no date. */
    public static LocalDate day(String parameter, String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadQuery(parameter, "must be a date like 2025-04-11");
        }
    }

    /**
     * The instant a query looks back to ({@code asOf}): a time with an offset ({@code 2025-04-11T10:00:00+02:00}) or
     * a Danish local time ({@code 2025-04-11T10:00}) or a day ({@code 2025-04-11}, its start in Danish time); null
     * stays null (now); 400 if it is no time or in the future.
     */
    public static Instant asOf(String text, Clock clock) {
        if (text == null) {
            return null;
        }
        // An unencoded "+02:00" in a query string arrives as " 02:00"; a space has no other meaning in a time.
        String time = text.strip().replace(' ', '+');
        Instant instant;
        try {
            instant = OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                instant = LocalDateTime.parse(time).atZone(DENMARK).toInstant();
            } catch (DateTimeParseException notLocal) {
                try {
                    // a day, as everywhere a day is taken: its start in Danish time
                    instant = java.time.LocalDate.parse(time)
                            .atStartOfDay(DENMARK)
                            .toInstant();
                } catch (DateTimeParseException e) {
                    throw new BadQuery(
                            "asOf",
                            "must be a time like 2025-04-11T10:00:00+02:00 or 2025-04-11T10:00 (Danish time), or a"
                                    + " day like 2025-04-11 (its start in Danish time)");
                }
            }
        }
        if (instant.isAfter(clock.instant())) {
            throw new BadQuery("asOf", "must not be in the future");
        }
        return instant;
    }
}
