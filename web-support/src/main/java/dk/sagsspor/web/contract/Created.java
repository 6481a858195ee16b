package dk.sagsspor.web.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The handler answers {@code 201} with {@code Location} (and the body its return type says) instead of {@code 200}:
 * {@link AnnotatedAnswers} documents it so.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Created {

    /** What the answer means, e.g. "Proposed: the new item's id and version 0". */
    String value();

    /** What {@code Location} points at, e.g. "The item on the query service". */
    String location();
}
