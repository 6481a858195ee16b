package dk.sagsspor.query.web;

/** A resource that the read models do not hold (yet: the query side is eventually consistent). */
public class NotFound extends RuntimeException {

    private final String kind;
    private final String id;

    public NotFound(String kind, String id) {
        this("No " + kind + " with id " + id, kind, id);
    }

    private NotFound(String message, String kind, String id) {
        super(message);
        this.kind = kind;
        this.id = id;
    }

    /** The resource did not exist yet at the instant asked about. */
    public static NotFound asOf(String kind, String id, java.time.Instant asOf) {
        return new NotFound(
                "No " + kind + " with id " + id + " as of "
                        + asOf.atZone(DanishDays.DENMARK).toOffsetDateTime(),
                kind,
                id);
    }

    String kind() {
        return kind;
    }

    String id() {
        return id;
    }
}
