package dk.sagsspor.query.security;

import dk.sagsspor.web.security.ApiSecurity;
import dk.sagsspor.web.security.Roles;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Items closed to the public (lukket punkt) are seen only by the secretaries of their committee and by admins; for
 * everyone else they do not exist — not in lists, searches, agendas, decisions, deadlines, alerts or feeds, and a
 * direct request answers 404. Every query over items adds {@link #visible} for its item alias and binds
 * {@link #parameters()}.
 */
public final class Visibility {

    private Visibility() {}

    /** The SQL condition that the item row {@code alias} (with {@code closed_item} and {@code committee}) is visible. */
    public static String visible(String alias) {
        return "(not coalesce(" + alias + ".closed_item, false) or :seesEveryClosedItem or " + alias
                + ".committee = any (cast(:closedItemCommittees as text[])))";
    }

    /**
     * Whether the current request's user is of the secretariat — a secretary or an admin: sees staff members' e-mail
     * addresses, and may change a staff member's digest subscription.
     */
    public static boolean ofTheSecretariat() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        List<String> authorities = user == null ? List.of() : ApiSecurity.authorities(user);
        return authorities.contains("ROLE_" + Roles.SECRETARY) || authorities.contains("ROLE_" + Roles.ADMIN);
    }

    /** The parameters of {@link #visible} for the current request's user (nothing closed without one). */
    public static Map<String, Object> parameters() {
        return Viewer.currentUser().parameters();
    }

    /**
     * Whose eyes a query answers for: the closed items it may show are those of {@code closedItemCommittees}, or every
     * one. A request answers for its user ({@link #currentUser()}); a process that writes to the person responsible —
     * an alert, a weekly digest — answers for {@link #responsible()}, as the person it writes to works on the item.
     */
    public record Viewer(boolean seesEveryClosedItem, List<String> closedItemCommittees) {

        public Viewer {
            closedItemCommittees = List.copyOf(closedItemCommittees);
        }

        /** The current request's user (nothing closed without one). */
        public static Viewer currentUser() {
            Authentication user = SecurityContextHolder.getContext().getAuthentication();
            List<String> authorities = user == null ? List.of() : ApiSecurity.authorities(user);
            return new Viewer(Roles.seesEveryClosedItem(authorities), Roles.committees(authorities));
        }

        /** The person an item's follow-up is assigned to or who is its case officer: sees it, closed or not. */
        public static Viewer responsible() {
            return new Viewer(true, List.of());
        }

        /** The parameters of {@link #visible} for this viewer. */
        public Map<String, Object> parameters() {
            return Map.of(
                    "seesEveryClosedItem",
                    seesEveryClosedItem,
                    "closedItemCommittees",
                    closedItemCommittees.toArray(String[]::new));
        }
    }
}
