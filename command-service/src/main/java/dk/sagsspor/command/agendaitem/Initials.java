package dk.sagsspor.command.agendaitem;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A case officer's initials as the minutes write them: 2 to 8 lower-case letters, e.g. {@code haan}. */
@Pattern(regexp = "[a-zæøå]{2,8}")
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@interface Initials {
    String message() default "must be a case officer's initials, e.g. haan";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
