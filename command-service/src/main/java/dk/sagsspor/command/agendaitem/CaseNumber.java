package dk.sagsspor.command.agendaitem;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A journal case number, {@code SAG-YYYY-NNNNN}; null is allowed (the number is optional). */
@Pattern(regexp = "SAG-\\d{4}-\\d{5}")
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@interface CaseNumber {
    String message() default "must be a case number like SAG-2025-00681";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
