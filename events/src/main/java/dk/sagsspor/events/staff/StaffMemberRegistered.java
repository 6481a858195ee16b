package dk.sagsspor.events.staff;

/** A staff member entered the directory: initials (e.g. {@code hast}), name and the e-mail address alerts go to. */
public record StaffMemberRegistered(String initials, String name, String email) implements StaffMemberEvent {}
