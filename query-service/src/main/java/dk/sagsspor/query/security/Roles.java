package dk.sagsspor.query.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The roles of Sagsspor, as users are given them (in the configuration or a token's roles claim): {@code reader}
 * (queries), {@code secretary:<committee>} (commands on that committee's meetings and items, and seeing its closed
 * items; {@code secretary:*} for every committee), {@code admin} (projection rebuilds, the staff directory, every
 * closed item) and {@code monitoring} (actuator endpoints beyond health). Each becomes Spring authorities: {@code
 * ROLE_READER}, {@code ROLE_SECRETARY} plus {@code COMMITTEE_<committee>}, {@code ROLE_ADMIN}, {@code
 * ROLE_MONITORING}; a secretary and an admin are also readers.
 */
public final class Roles {

    public static final String READER = "READER";
    public static final String SECRETARY = "SECRETARY";
    public static final String ADMIN = "ADMIN";
    public static final String MONITORING = "MONITORING";
    static final String COMMITTEE = "COMMITTEE_";
    static final String ALL_COMMITTEES = "*";

    private Roles() {}

    /** The authorities of the given roles; unknown roles are refused when {@code strict}, else ignored. */
    public static Set<GrantedAuthority> authorities(Collection<String> roles, boolean strict) {
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        for (String role : roles) {
            String trimmed = role.trim();
            if (trimmed.equals("reader")) {
                authorities.add(role(READER));
            } else if (trimmed.equals("admin")) {
                authorities.add(role(ADMIN));
                authorities.add(role(READER));
            } else if (trimmed.equals("monitoring")) {
                authorities.add(role(MONITORING));
            } else if (trimmed.startsWith("secretary:") && trimmed.length() > "secretary:".length()) {
                authorities.add(role(SECRETARY));
                authorities.add(role(READER));
                authorities.add(new SimpleGrantedAuthority(COMMITTEE + trimmed.substring("secretary:".length())));
            } else if (strict) {
                throw new IllegalArgumentException("Unknown role '" + role
                        + "': expected reader, secretary:<committee>, secretary:*, admin or monitoring");
            }
        }
        return authorities;
    }

    /** The committees whose closed items the user may see: those they are a secretary of ({@code *}: all). */
    public static java.util.List<String> committees(Authentication user) {
        return user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(COMMITTEE))
                .map(a -> a.substring(COMMITTEE.length()))
                .toList();
    }

    /** Whether the user may see every closed item: an admin, or a secretary of every committee. */
    public static boolean seesEveryClosedItem(Authentication user) {
        return user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals("ROLE_" + ADMIN) || a.equals(COMMITTEE + ALL_COMMITTEES));
    }

    private static GrantedAuthority role(String name) {
        return new SimpleGrantedAuthority("ROLE_" + name);
    }
}
