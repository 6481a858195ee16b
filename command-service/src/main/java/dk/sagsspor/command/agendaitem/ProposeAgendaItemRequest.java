package dk.sagsspor.command.agendaitem;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code POST /api/agenda-items}. */
record ProposeAgendaItemRequest(
        @NotBlank @Size(max = 200) String committee,
        @NotBlank @Size(max = 500) String title,

        @Pattern(regexp = "SAG-\\d{4}-\\d{5}", message = "must be a case number like SAG-2025-00681")
        String caseNumber,

        @Size(max = 20)
        List<
                        @NotBlank
                        @Pattern(regexp = "[a-zæøå]{2,8}", message = "must be a case officer's initials, e.g. haan")
                        String>
                caseOfficers,

        @Size(max = 100_000) String background,
        @Size(max = 100_000) String recommendation,
        @Size(max = 100_000) String presentation,
        @Size(max = 100) List<@NotBlank @Size(max = 1000) String> attachments) {

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
                attachments);
    }
}
