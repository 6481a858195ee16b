package dk.sagsspor.query.web;

/** A request the user's roles allow in general, but not for this resource (another person's setting, say). */
public class Forbidden extends RuntimeException {

    public Forbidden(String message) {
        super(message);
    }
}
