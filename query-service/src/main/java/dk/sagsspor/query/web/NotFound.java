package dk.sagsspor.query.web;

/** A resource that the read models do not hold (yet: the query side is eventually consistent). */
public class NotFound extends RuntimeException {

    private final String kind;
    private final String id;

    public NotFound(String kind, String id) {
        super("No " + kind + " with id " + id);
        this.kind = kind;
        this.id = id;
    }

    String kind() {
        return kind;
    }

    String id() {
        return id;
    }
}
