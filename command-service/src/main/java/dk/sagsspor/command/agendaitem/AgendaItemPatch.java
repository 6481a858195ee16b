package dk.sagsspor.command.agendaitem;

import dk.sagsspor.command.agendaitem.AgendaItemCommands.ReviseAgendaItem;
import dk.sagsspor.command.web.InvalidRequest;
import dk.sagsspor.command.web.InvalidRequest.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of {@code PATCH /api/agenda-items/{id}}: a JSON merge patch (RFC 7396) of the editable parts. A part that
 * is absent stays; a part set to null is cleared (the title cannot be); the committee cannot be changed.
 */
record AgendaItemPatch(
        @Size(max = 500) String title,
        @CaseNumber String caseNumber,
        @Size(max = 20) List<@Initials String> caseOfficers,
        @Size(max = 100_000) String background,
        @Size(max = 100_000) String recommendation,
        @Size(max = 100_000) String presentation,
        @Size(max = 100) List<@Size(min = 1, max = 1000) String> attachments) {

    static final Set<String> PARTS = Set.of(
            "title", "caseNumber", "caseOfficers", "background", "recommendation", "presentation", "attachments");

    static ReviseAgendaItem toCommand(
            JsonNode body, String agendaItemId, Long expectedVersion, JsonMapper json, Validator validator) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequest("body", "must be a JSON object with the parts to change");
        }
        List<FieldError> errors = new ArrayList<>();
        Set<String> named = new LinkedHashSet<>();
        for (String field : body.propertyNames()) {
            if (PARTS.contains(field)) {
                named.add(field);
            } else {
                errors.add(new FieldError(
                        field,
                        field.equals("committee")
                                ? "cannot be changed; withdraw the item and propose it to the other committee"
                                : "is not an editable part; editable are " + new java.util.TreeSet<>(PARTS)));
            }
        }
        if (named.contains("title")
                && (body.get("title").isNull() || body.get("title").asString().isBlank())) {
            errors.add(new FieldError("title", "must not be blank"));
        }
        AgendaItemPatch patch;
        try {
            patch = json.treeToValue(body, AgendaItemPatch.class);
        } catch (RuntimeException e) {
            throw new InvalidRequest("body", "parts have the wrong type: " + e.getMessage());
        }
        for (ConstraintViolation<AgendaItemPatch> violation : validator.validate(patch)) {
            errors.add(new FieldError(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        if (named.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("body", "names no part to change"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        return new ReviseAgendaItem(
                agendaItemId,
                expectedVersion,
                Set.copyOf(named),
                patch.title() == null ? null : patch.title().strip(),
                patch.caseNumber(),
                patch.caseOfficers(),
                patch.background(),
                patch.recommendation(),
                patch.presentation(),
                patch.attachments());
    }
}
