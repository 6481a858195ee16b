package dk.sagsspor.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tomcat.util.http.InvalidParameterException;

/**
 * A query parameter the servlet container could not decode (an invalid percent-encoding such as {@code %zz} or bytes
 * that are no UTF-8, {@code %C3%28}): Tomcat throws when the application asks for parameters. Both services answer
 * it as a {@code 400} naming the parameter, never a {@code 500}.
 */
public final class RejectedParameters {

    /** What the parameter must be, as the problem's {@code errors[].message} says. */
    public static final String MESSAGE = "must be valid percent-encoded UTF-8";

    private static final Pattern NAME = Pattern.compile("Parameter \\[([^\\]]{0,100})\\]");

    private RejectedParameters() {}

    /** The parameter Tomcat names in its message, or {@code query} when it names none. */
    public static String name(InvalidParameterException ex) {
        Matcher matcher = NAME.matcher(String.valueOf(ex.getMessage()));
        return matcher.find() && matcher.group(1).matches("[A-Za-z][A-Za-z0-9._-]*") ? matcher.group(1) : "query";
    }
}
