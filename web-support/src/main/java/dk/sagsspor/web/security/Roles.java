package dk.sagsspor.web.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The roles of Sagsspor, as users are given them (in the configuration or a token's roles claim) — a contract both
 * services and the identity provider share, so it lives in what both services share as web services: {@code reader} (queries), {@code secretary:<committee>}
 * (commands on that committee's meetings and items, and seeing its closed items; {@code secretary:*} for every
 * committee), {@code admin} (projection rebuilds, the staff directory, every closed item), {@code auditor} (reads, and the
 * audit views of the event store's history; no commands) and {@code monitoring}
 * (actuator endpoints beyond health). Each becomes authority names: {@code ROLE_READER}, {@code ROLE_SECRETARY} plus
 * {@code COMMITTEE_<committee>}, {@code ROLE_ADMIN}, {@code ROLE_AUDITOR}, {@code ROLE_MONITORING}; a secretary, an admin and an
 * auditor are also readers. JDK only: the services turn the names into their framework's authorities.
 */
public final class Roles {

    public static final String READER = "READER";
    public static final String SECRETARY = "SECRETARY";
    public static final String ADMIN = "ADMIN";
    public static final String MONITORING = "MONITORING";
    public static final String AUDITOR = "AUDITOR";
    private static final String ROLE = "ROLE_";
    private static final String COMMITTEE = "COMMITTEE_";
    private static final String ALL_COMMITTEES = "*";
    private static final String SECRETARY_OF = "secretary:";

    private Roles() {}

    /** The authority names of the given roles; unknown roles are refused when {@code strict}, else ignored. */
    public static Set<String> authorities(Collection<String> roles, boolean strict) {
        Set<String> authorities = new LinkedHashSet<>();
        for (String role : roles) {
            String trimmed = role.trim();
            if (trimmed.equals("reader")) {
                authorities.add(ROLE + READER);
            } else if (trimmed.equals("admin")) {
                authorities.add(ROLE + ADMIN);
                authorities.add(ROLE + READER);
            } else if (trimmed.equals("auditor")) {
                authorities.add(ROLE + AUDITOR);
                authorities.add(ROLE + READER);
            } else if (trimmed.equals("monitoring")) {
                authorities.add(ROLE + MONITORING);
            } else if (trimmed.startsWith(SECRETARY_OF) && trimmed.length() > SECRETARY_OF.length()) {
                authorities.add(ROLE + SECRETARY);
                authorities.add(ROLE + READER);
                authorities.add(COMMITTEE + trimmed.substring(SECRETARY_OF.length()));
            } else if (strict) {
                throw new IllegalArgumentException("Unknown role '" + role
                        + "': expected reader, secretary:<committee>, secretary:*, admin or monitoring");
            }
        }
        return authorities;
    }

    /** Whether a user with these authorities may act for a committee: a secretary of it, or of every committee. */
    public static boolean actsFor(Collection<String> authorities, String committee) {
        return authorities.contains(COMMITTEE + committee) || authorities.contains(COMMITTEE + ALL_COMMITTEES);
    }

    /** The committees whose closed items the user may see: those they are a secretary of ({@code *}: all). */
    public static List<String> committees(Collection<String> authorities) {
        return authorities.stream()
                .filter(a -> a.startsWith(COMMITTEE))
                .map(a -> a.substring(COMMITTEE.length()))
                .toList();
    }

    /** Whether the user may see every closed item: an admin, or a secretary of every committee. */
    public static boolean seesEveryClosedItem(Collection<String> authorities) {
        return authorities.contains(ROLE + ADMIN) || authorities.contains(COMMITTEE + ALL_COMMITTEES);
    }
}
