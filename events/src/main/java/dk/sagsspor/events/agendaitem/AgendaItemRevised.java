package dk.sagsspor.events.agendaitem;

import java.util.List;

/** Parts of the item were edited; carries every editable part as it now is, and which parts changed. */
public record AgendaItemRevised(
        String agendaItemId,
        String title,
        String caseNumber,
        List<String> caseOfficers,
        String background,
        String recommendation,
        String presentation,
        List<String> attachments,
        List<String> changedParts)
        implements AgendaItemEvent, AgendaItemParts {

    /** Whether the revision changed the part; one that names no parts is taken to have changed them all. */
    public boolean changed(String part) {
        return changedParts == null || changedParts.isEmpty() || changedParts.contains(part);
    }
}
