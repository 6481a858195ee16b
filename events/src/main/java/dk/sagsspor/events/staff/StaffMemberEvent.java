package dk.sagsspor.events.staff;

import dk.sagsspor.events.SagssporEvent;

/** Facts about one entry of the staff directory, keyed by the staff member's initials. */
public sealed interface StaffMemberEvent extends SagssporEvent permits StaffMemberRegistered, StaffMemberChanged {

    String initials();

    @Override
    default String aggregateId() {
        return initials();
    }
}
