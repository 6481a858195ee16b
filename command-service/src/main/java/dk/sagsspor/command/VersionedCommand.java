package dk.sagsspor.command;

/**
 * A command on an existing aggregate that may name the version the client last saw (its {@code If-Match}). The
 * aggregate checks it before anything else, so a stale client hears 412 even when the command would also break a
 * rule.
 */
public interface VersionedCommand {

    /** The expected version, or null for an unconditional command. */
    Long expectedVersion();

    /** Loads the aggregate a command names and requires the version the client expects, before any rule. */
    static <T> org.axonframework.modelling.command.Aggregate<T> loadExpected(
            org.axonframework.modelling.command.Repository<T> repository, String id, VersionedCommand command) {
        org.axonframework.modelling.command.Aggregate<T> aggregate = repository.load(id);
        requireVersion(command, aggregate.version());
        return aggregate;
    }

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
