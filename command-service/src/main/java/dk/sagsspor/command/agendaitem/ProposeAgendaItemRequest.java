package dk.sagsspor.command.agendaitem;

import dk.sagsspor.command.agendaitem.AgendaItemCommands.ProposeAgendaItem;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code POST /api/agenda-items}. */
record ProposeAgendaItemRequest(
        @NotBlank @Size(max = 200) String committee,
        @NotBlank @Size(max = 500) String title,
        @CaseNumber String caseNumber,
        @Size(max = 20) List<@NotBlank @Initials String> caseOfficers,
        @Size(max = 100_000) String background,
        @Size(max = 100_000) String recommendation,
        @Size(max = 100_000) String presentation,
        @Size(max = 100) List<@NotBlank @Size(max = 1000) String> attachments,
        Boolean closedItem) {

    ProposeAgendaItem toCommand(String agendaItemId) {
        return new ProposeAgendaItem(
                agendaItemId,
                committee.strip(),
                title.strip(),
                caseNumber,
                caseOfficers,
                background,
                recommendation,
                presentation,
                attachments,
                Boolean.TRUE.equals(closedItem));
    }
}
