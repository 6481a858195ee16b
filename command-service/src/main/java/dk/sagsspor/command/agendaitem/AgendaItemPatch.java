package dk.sagsspor.command.agendaitem;

import dk.sagsspor.command.agendaitem.AgendaItemCommands.ReviseAgendaItem;
import dk.sagsspor.command.web.InvalidRequest.FieldError;
import dk.sagsspor.command.web.MergePatch;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of {@code PATCH /api/agenda-items/{id}}: a JSON merge patch (RFC 7396) of the editable parts. A part that
 * is absent stays; a part set to null is cleared (the title cannot be); the committee cannot be changed.
 */
record AgendaItemPatch(
        @Size(max = 500) String title,
        @CaseNumber @Nullable String caseNumber,
        @Size(max = 20) @Nullable List<@Initials String> caseOfficers,
        @Size(max = 100_000) @Nullable String background,
        @Size(max = 100_000) @Nullable String recommendation,
        @Size(max = 100_000) @Nullable String presentation,
        @Size(max = 100) @Nullable List<@Size(min = 1, max = 1000) String> attachments) {

    static final Set<String> PARTS = Set.of(
            "title", "caseNumber", "caseOfficers", "background", "recommendation", "presentation", "attachments");

    static ReviseAgendaItem toCommand(
            JsonNode body, String agendaItemId, Long expectedVersion, JsonMapper json, Validator validator) {
        MergePatch<AgendaItemPatch> read = MergePatch.read(
                body,
                AgendaItemPatch.class,
                PARTS,
                Map.of("committee", "cannot be changed; withdraw the item and propose it to the other committee"),
                (patch, errors) -> {
                    if (patch.has("title")
                            && (patch.get("title").isNull()
                                    || patch.get("title").asString().isBlank())) {
                        errors.add(new FieldError("title", "must not be blank"));
                    }
                },
                json,
                validator);
        AgendaItemPatch patch = read.value();
        return new ReviseAgendaItem(
                agendaItemId,
                expectedVersion,
                read.named(),
                patch.title() == null ? null : patch.title().strip(),
                patch.caseNumber(),
                patch.caseOfficers(),
                patch.background(),
                patch.recommendation(),
                patch.presentation(),
                patch.attachments());
    }
}
