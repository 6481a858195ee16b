package dk.sagsspor.query.projection;

/** A record that is not a Sagsspor event this version understands. Never retried: it goes to the dead-letter topic. */
public class UndecodableEvent extends RuntimeException {

    UndecodableEvent(String message) {
        super(message);
    }

    UndecodableEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
