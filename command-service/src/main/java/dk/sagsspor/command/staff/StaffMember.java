package dk.sagsspor.command.staff;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dk.sagsspor.command.eventstore.AggregateCaching;
import dk.sagsspor.events.staff.StaffMemberChanged;
import dk.sagsspor.events.staff.StaffMemberEvent;
import dk.sagsspor.events.staff.StaffMemberRegistered;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One entry of the staff directory, identified by initials: the people follow-ups are assigned to and alerts go to.
 * Entering a staff member who is already there records the change, if there is one.
 */
// state fields are the snapshot's content (Jackson, fields only); change them → raise the revision
@Aggregate(cache = AggregateCaching.NAME, snapshotTriggerDefinition = AggregateCaching.SNAPSHOTS)
@Revision("1")
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class StaffMember {

    /** Enters or updates a staff member. */
    public record EnterStaffMember(
            @TargetAggregateIdentifier String initials, String name, String email) {}

    @AggregateIdentifier
    private String initials;

    private String name;
    private String email;

    StaffMember() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(EnterStaffMember command) {
        if (initials == null) {
            apply(new StaffMemberRegistered(command.initials(), command.name(), command.email()));
        } else if (!command.name().equals(name) || !command.email().equals(email)) {
            apply(new StaffMemberChanged(initials, command.name(), command.email()));
        }
        return AggregateLifecycle.getVersion() == null ? 0 : AggregateLifecycle.getVersion();
    }

    /** Every event of a staff member, in one exhaustive {@code switch} over the sealed {@link StaffMemberEvent}. */
    @EventSourcingHandler
    void on(StaffMemberEvent event) {
        switch (event) {
            case StaffMemberRegistered e -> {
                initials = e.initials();
                name = e.name();
                email = e.email();
            }
            case StaffMemberChanged e -> {
                name = e.name();
                email = e.email();
            }
        }
    }
}
