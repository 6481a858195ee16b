package dk.sagsspor.events.staff;

/** A staff member's name or e-mail address changed. */
public record StaffMemberChanged(String initials, String name, String email) implements StaffMemberEvent {}
