package dk.sagsspor.web;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * What Spring MVC refuses by itself — a media type it does not read ({@code 415}), a method the path does not take
 * ({@code 405}), an answer it cannot give in the media type asked for ({@code 406}) — is a problem of our catalogue
 * too: a problem that has no type of its own gets one named after its status
 * ({@code https://sagsspor.dk/problems/unsupported-media-type}).
 */
public final class StatusProblems {

    /** Where the problem types of both services live. */
    public static final String TYPE_BASE = "https://sagsspor.dk/problems/";

    private StatusProblems() {}

    /** Gives a problem without a type ({@code about:blank}) the type named after its status. */
    public static void typed(ProblemDetail problem, HttpStatusCode status) {
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            HttpStatus known = HttpStatus.resolve(status.value());
            String name = known == null ? "status-" + status.value() : known.name();
            problem.setType(URI.create(TYPE_BASE + name.toLowerCase(Locale.ROOT).replace('_', '-')));
        }
    }
}
