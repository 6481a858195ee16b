package dk.sagsspor.query.projection;

/**
 * A record that one projection of a pass could not apply (the others may well apply it): the projection, the scope it
 * was applied in (so the error handler can apply the record to the rest of the scope once it has dead-lettered it for
 * this one), and the real failure as the cause.
 */
final class ProjectionFailed extends RuntimeException {

    private final String projection;
    private final transient Scope scope;

    ProjectionFailed(String projection, Scope scope, RuntimeException cause) {
        super(projection + ": " + cause.getMessage(), cause);
        this.projection = projection;
        this.scope = scope;
    }

    String projection() {
        return projection;
    }

    Scope scope() {
        return scope;
    }

    /** The projection failure in the cause chain, or null. */
    static ProjectionFailed in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProjectionFailed failed) {
                return failed;
            }
        }
        return null;
    }
}
