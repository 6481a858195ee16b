package dk.sagsspor.query.projection;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure of the infrastructure — the database or the network away, a timeout, a deadlock, the server
 * shutting down — from a record that can never be applied. A transient failure is retried without end and never
 * dead-lettered; everything else is the record's (bad data, or a defect that a fix and a replay will mend).
 */
final class TransientFailures {

    /**
     * SQLSTATE classes and codes that say nothing about the record: connection exception (08), transaction rollback —
     * serialization failure, deadlock (40), insufficient resources (53), operator intervention — shutdown, cancel (57),
     * system error (58), lock not available (55P03), and PostgreSQL's "cannot connect now" while it starts (57P03, in
     * 57).
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57", "58");

    private static final Set<String> TRANSIENT_STATES = Set.of("55P03");

    private TransientFailures() {}

    /** True if anything in the cause chain is a failure of the infrastructure rather than of the record. */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PollNotApplied
                    || t instanceof TransientDataAccessException
                    || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof TransactionSystemException
                    || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof IOException
                    || t instanceof org.apache.kafka.common.errors.RetriableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (TRANSIENT_STATES.contains(state)
                        || (state.length() >= 2 && TRANSIENT_CLASSES.contains(state.substring(0, 2)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A poll that failed where no record is to blame — reading or writing the positions, or the commit. Always
     * transient: the whole poll is retried from its first record.
     */
    static final class PollNotApplied extends RuntimeException {
        PollNotApplied(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
