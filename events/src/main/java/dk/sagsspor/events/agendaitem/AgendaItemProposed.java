package dk.sagsspor.events.agendaitem;

import java.util.List;
import java.util.Objects;

/**
 * An agenda item was proposed to a committee, with the parts real minutes have.
 *
 * @param agendaItemId the item's identifier (a UUID)
 * @param committee the committee, e.g. "KKR Nordjylland"
 * @param title the item's heading
 * @param caseNumber the journal case number ({@code SAG-YYYY-NNNNN}); shared by many items; may be null
 * @param caseOfficers the case officers' initials, e.g. ["haan", "hast"]
 * @param background "Baggrund"; may be null
 * @param recommendation "Indstilling"; may be null
 * @param presentation "Sagsfremstilling"; may be null
 * @param attachments references to attachments (file names or URLs); the files themselves are not events
 * @param closedItem a closed item ("lukket punkt"), not for the public; OParl's {@code public} is its negation. New in
 *     version 2: version 1 events are upcast with {@code false}
 */
public record AgendaItemProposed(
        String agendaItemId,
        String committee,
        String title,
        String caseNumber,
        List<String> caseOfficers,
        String background,
        String recommendation,
        String presentation,
        List<String> attachments,
        boolean closedItem)
        implements AgendaItemEvent, AgendaItemParts {

    /** Version 2 added {@code closedItem}. */
    public static final int VERSION = 2;

    public AgendaItemProposed {
        Objects.requireNonNull(agendaItemId, "agendaItemId");
        Objects.requireNonNull(committee, "committee");
        Objects.requireNonNull(title, "title");
        caseOfficers = caseOfficers == null ? List.of() : List.copyOf(caseOfficers);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
