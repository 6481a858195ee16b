package dk.sagsspor.command.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;

/**
 * Aggregate versions as HTTP entity tags. A resource's version is the sequence number of its last event, from 0; its
 * ETag is that number quoted. {@code If-Match} with one such tag makes a write conditional: it is refused with 412 if
 * the resource has moved on. {@code If-Match: *} or none makes it unconditional.
 */
public final class Versions {

    private static final Pattern TAG = Pattern.compile("\\s*\"(\\d{1,18})\"\\s*");

    private Versions() {}

    /** The version the client expects, or null for an unconditional write. */
    public static Long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        if (ifMatch.strip().startsWith("W/")) {
            // If-Match compares strongly (RFC 9110, 13.1.1): a weak tag never matches, so no write could succeed
            throw new InvalidRequest(
                    "If-Match",
                    "must be a strong entity tag as the ETag header gives it, e.g. \"3\"; a weak one (W/…) never"
                            + " matches on a write (got " + ifMatch + ")");
        }
        Matcher matcher = TAG.matcher(ifMatch);
        if (!matcher.matches()) {
            throw new InvalidRequest(
                    "If-Match", "must be one entity tag from an ETag of this API, e.g. \"3\" (got " + ifMatch + ")");
        }
        return Long.parseLong(matcher.group(1));
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** 200 with the new version in the body and the ETag. */
    public static ResponseEntity<Accepted> accepted(String id, long version) {
        return ResponseEntity.ok().eTag(etag(version)).body(new Accepted(id, version));
    }

    /** What every write answers: the resource and the version it now has. */
    public record Accepted(String id, long version) {}
}
