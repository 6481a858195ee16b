package dk.sagsspor.command.web;

import java.util.List;

/** Input that bean validation cannot judge alone (a header, a time, a combination of fields); answered with 400. */
public class InvalidRequest extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidRequest(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public InvalidRequest(List<FieldError> errors) {
        super(errors.toString());
        this.errors = List.copyOf(errors);
    }

    List<FieldError> errors() {
        return errors;
    }

    public record FieldError(String field, String message) {

        /** What reading the body blamed, as an invalid field. */
        static FieldError of(dk.sagsspor.web.UnreadableBodies.FieldError unreadable) {
            return new FieldError(unreadable.field(), unreadable.message());
        }
    }
}
