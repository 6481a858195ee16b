package dk.sagsspor.command.agendaitem;

import java.util.List;
import java.util.Locale;

/**
 * The items every meeting of a committee has of its own — "Godkendelse af dagsorden", "Godkendelse af referat",
 * "Meddelelser", "Punkter til næste møde", "Eventuelt" — recognised by how their title begins. Such an item is never
 * carried over to the next meeting: the next meeting has its own.
 */
public final class StandingItems {

    private static final List<String> BEGINNINGS = List.of(
            "godkendelse af dagsorden",
            "godkendelse af referat",
            "meddelelser",
            "punkter til næste møde",
            "sager til næste møde",
            "eventuelt");

    /** Why a standing item left undecided is not carried over, as its withdrawal says. */
    public static final String NOT_CARRIED_OVER =
            "Fast punkt: hvert møde har sit eget, så det overføres ikke til næste møde";

    private StandingItems() {}

    public static boolean isStanding(String title) {
        if (title == null) {
            return false;
        }
        String normalised = title.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return BEGINNINGS.stream().anyMatch(normalised::startsWith);
    }
}
