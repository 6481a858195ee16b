package dk.sagsspor.command;

/**
 * A command on an existing aggregate that may name the version the client last saw (its {@code If-Match}). The
 * aggregate checks it before anything else, so a stale client hears 412 even when the command would also break a
 * rule.
 */
public interface VersionedCommand {

    /** The expected version, or null for an unconditional command. */
    Long expectedVersion();

    /** Refuses the command if the aggregate is not at the expected version. */
    static void requireVersion(VersionedCommand command, long actualVersion) {
        if (command.expectedVersion() != null && command.expectedVersion() != actualVersion) {
            throw new StaleVersion(command.expectedVersion(), actualVersion);
        }
    }

    /** The aggregate has moved on since the version the client named. */
    final class StaleVersion extends RuntimeException {
        StaleVersion(long expected, long actual) {
            super("Expected version " + expected + " but it is at version " + actual, null, false, false);
        }
    }
}
