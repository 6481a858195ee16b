package dk.sagsspor.query.digest;

import dk.sagsspor.query.web.DanishDays;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An ISO week (Monday to Sunday) of the Danish calendar, written as {@code 2026-W49}. */
record Week(int year, int number) implements Comparable<Week> {

    private static final Pattern TEXT = Pattern.compile("(\\d{4})-W(\\d{2})");

    /** The week a Danish day is in. */
    static Week of(LocalDate day) {
        return new Week(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The week an instant falls in, in Denmark. */
    static Week of(Instant instant) {
        return of(instant.atZone(DanishDays.DENMARK).toLocalDate());
    }

    /** A week as written ({@code 2026-W49}); refused when there is no such week. */
    static Week parse(String text) {
        Matcher matcher = TEXT.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("must be an ISO week as 2026-W49");
        }
        Week week = new Week(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
        try {
            if (of(week.monday()).equals(week)) {
                return week;
            }
        } catch (java.time.DateTimeException e) {
            // week 0, 54 and above, or 53 of a year with 52: no such week
        }
        throw new IllegalArgumentException("the year " + week.year + " has no week " + week.number);
    }

    /** The Monday of the week. */
    LocalDate monday() {
        return LocalDate.of(year, 1, 4)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number)
                .with(ChronoField.DAY_OF_WEEK, DayOfWeek.MONDAY.getValue());
    }

    /** The instant of a day of this week at a Danish local time. */
    Instant at(DayOfWeek day, LocalTime time) {
        return monday().plusDays(day.getValue() - 1L)
                .atTime(time)
                .atZone(DanishDays.DENMARK)
                .toInstant();
    }

    @Override
    public int compareTo(Week other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(number, other.number);
    }

    @Override
    public String toString() {
        return String.format("%04d-W%02d", year, number);
    }
}
