package dk.sagsspor.web;

import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Collection;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.type.LogicalType;

/**
 * Bodies that cannot be read as the request they claim to be, answered as precisely as a field that fails validation:
 * which field ({@code dueDate}, {@code caseOfficers[0]}) and what it must be. JSON types are strict — a number or a
 * boolean where text belongs is refused, not turned into text ("title": 123 is no title). Both services answer so.
 */
@AutoConfiguration
public class UnreadableBodies {

    /** The field to blame ({@code body} when none is) and what it must be. */
    public record FieldError(String field, String message) {}

    /**
     * No number or boolean silently becomes text, and no number a date (Jackson reads {@code "dueDate": 123} as the
     * 123rd day after 1970 unless told not to be lenient).
     */
    @Bean
    JsonMapperBuilderCustomizer strictText() {
        return builder -> builder.defaultLeniency(false)
                .withCoercionConfig(
                        LogicalType.Textual,
                        config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    /** The field that could not be read and what it must be; the body as a whole when no field is to blame. */
    public static FieldError of(HttpMessageNotReadableException ex) {
        return of(ex.getCause() == null ? ex : ex.getCause());
    }

    /**
     * As {@link #of(HttpMessageNotReadableException)}, for what reading a JSON tree into a record threw: the outermost
     * Jackson exception that knows the field (a value's own exception, a day that does not exist, may lie below it).
     */
    public static FieldError of(Throwable thrown) {
        JacksonException json = null;
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabindException databind
                    && !databind.getPath().isEmpty()) {
                return new FieldError(path(databind), expectation(databind));
            }
            if (json == null && cause instanceof JacksonException jackson) {
                json = jackson;
            }
        }
        return json == null
                ? new FieldError("body", "is missing or cannot be read as JSON")
                : new FieldError(
                        "body",
                        "is not valid JSON: "
                                + json.getOriginalMessage().lines().findFirst().orElse(""));
    }

    private static String path(DatabindException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expectation(DatabindException ex) {
        Class<?> target = ex instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (target == null) {
            return "has the wrong type";
        }
        if (target == String.class) {
            return "must be text (a JSON string)";
        }
        if (target == LocalDate.class) {
            return "must be a date that exists, like 2025-05-31";
        }
        if (Temporal.class.isAssignableFrom(target)) {
            return "must be a date and time like 2025-04-11T10:00:00+02:00";
        }
        if (target.isEnum()) {
            return "must be one of " + java.util.Arrays.toString(target.getEnumConstants());
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "must be a list (a JSON array)";
        }
        if (target == boolean.class || target == Boolean.class) {
            return "must be true or false";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
            return "must be a number";
        }
        return "must be a JSON object";
    }
}
