package dk.sagsspor.command;

/**
 * A command that the domain's rules refuse. Each rule has its own subclass, named as the fact that stands in the way
 * ({@code AgendaItemAlreadyDecided}); the API answers 409 with a problem type derived from that name.
 */
public abstract class RuleViolation extends RuntimeException {

    protected RuleViolation(String message) {
        super(message, null, false, false);
    }

    /** The problem type's last segment: the class name in kebab case, e.g. {@code agenda-item-already-decided}. */
    public String problemType() {
        return getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
