package dk.sagsspor.web.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The handler answers with the resource's version as {@code ETag} (and {@code 304} to an {@code If-None-Match} that
 * names it): {@link AnnotatedAnswers} documents the header, the query service the {@code 304}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Versioned {

    /** Whose version the tag is, e.g. "The item's version". */
    String value();
}
