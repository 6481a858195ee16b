package dk.sagsspor.command.web;

import dk.sagsspor.command.web.InvalidRequest.FieldError;
import dk.sagsspor.web.UnreadableBodies;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON merge patch (RFC 7396) read into its record: which parts it names (an absent part stays, a part set to null
 * is cleared) and their values, validated. Every mistake is collected and answered at once as a 400 naming each field:
 * a body that is no object, a part that cannot be edited, a value of the wrong type or against a constraint, a patch
 * that names nothing.
 *
 * @param value the parts as the record (absent and null parts alike are null in it)
 * @param named the parts the patch names
 */
public record MergePatch<T>(T value, Set<String> named) {

    /**
     * Reads {@code body} as a patch of {@code parts}; {@code refusals} say why a field that is no part cannot be
     * patched (any other is "not an editable part"); {@code rules} add checks of their own.
     */
    public static <T> MergePatch<T> read(
            JsonNode body,
            Class<T> type,
            Set<String> parts,
            Map<String, String> refusals,
            BiConsumer<JsonNode, List<FieldError>> rules,
            JsonMapper json,
            Validator validator) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequest("body", "must be a JSON object with the parts to change");
        }
        List<FieldError> errors = new ArrayList<>();
        Set<String> named = new LinkedHashSet<>();
        for (String field : body.propertyNames()) {
            if (parts.contains(field)) {
                named.add(field);
            } else {
                errors.add(new FieldError(
                        field,
                        refusals.getOrDefault(field, "is not an editable part; editable are " + new TreeSet<>(parts))));
            }
        }
        rules.accept(body, errors);
        T value;
        try {
            value = json.treeToValue(body, type);
        } catch (tools.jackson.core.JacksonException e) {
            throw new InvalidRequest(List.of(InvalidRequest.FieldError.of(UnreadableBodies.of(e))));
        }
        for (ConstraintViolation<T> violation : validator.validate(value)) {
            errors.add(new FieldError(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        if (named.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("body", "names no part to change"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        return new MergePatch<>(value, Set.copyOf(named));
    }
}
