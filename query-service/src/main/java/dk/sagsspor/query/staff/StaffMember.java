package dk.sagsspor.query.staff;

import org.jspecify.annotations.Nullable;

/**
 * An entry of the staff directory, for clients that show names instead of initials. The e-mail address (where alerts
 * go) is shown to secretaries and admins, who assign follow-ups; it is null for everyone else.
 */
record StaffMember(String initials, String name, @Nullable String email) {}
