package dk.sagsspor.query.web;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Date parameters as staff give them: days in Danish time. */
public final class DanishDays {

    public static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");

    private DanishDays() {}

    /** The start of the given day (plus some days) in Danish time; null stays null; 400 if it is no date. */
    public static Timestamp startOf(String parameter, String text, int plusDays) {
        if (text == null) {
            return null;
        }
        try {
            return Timestamp.from(LocalDate.parse(text)
                    .plusDays(plusDays)
                    .atStartOfDay(DENMARK)
                    .toInstant());
        } catch (DateTimeParseException e) {
            throw new BadQuery(parameter, "must be a date like 2025-04-11");
        }
    }
}
