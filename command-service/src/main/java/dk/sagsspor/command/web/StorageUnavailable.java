package dk.sagsspor.command.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The database could not record a command — unreachable, refusing connections, or failing at the commit. Answered
 * {@code 503} with {@code Retry-After}: the client retries (with the same {@code Idempotency-Key}, if it sent one),
 * never gets an acknowledgement for what was not committed, and never Spring's bare 500 page.
 */
final class StorageUnavailable {

    /** Seconds a client is asked to wait before retrying. */
    static final String RETRY_AFTER_SECONDS = "5";

    private StorageUnavailable() {}

    /**
     * True if the failure is the database's unavailability, somewhere in the cause chain: a failed transaction (begin
     * or commit), a data access failure other than an integrity violation, or an SQL error whose state says the
     * database is away (a constraint's, class 23, is a concurrent change, answered 409 elsewhere; a data exception is
     * ours, a 500).
     */
    static boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataIntegrityViolationException) {
                return false;
            }
            if (t instanceof SQLException sql) {
                return unavailable(sql.getSQLState());
            }
            if (t instanceof TransactionException) {
                return true;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The SQLSTATEs of a database that is away or overloaded rather than of a bad statement: connection exception
     * (08), insufficient resources (53), operator intervention — shutdown, cancel (57), system error (58), a
     * serialization failure or deadlock (40); none at all (a connection that could not be made).
     */
    private static boolean unavailable(String state) {
        return state == null
                || state.startsWith("08")
                || state.startsWith("53")
                || state.startsWith("57")
                || state.startsWith("58")
                || state.startsWith("40");
    }

    static ProblemDetail problem() {
        return ProblemDetails.problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "storage-unavailable",
                "Storage unavailable",
                "The database could not record the command, so it is not acknowledged. Retry after a few seconds — "
                        + "with the same Idempotency-Key if you sent one: a request that was stored after all is then "
                        + "answered with its original response, and one that was not runs again.");
    }

    static ResponseEntity<ProblemDetail> response() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(problem());
    }

    static void write(HttpServletResponse response, JsonMapper json) throws IOException {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem()));
    }
}
