package dk.sagsspor.command.web;

import dk.sagsspor.command.RuleViolation;
import dk.sagsspor.command.VersionedCommand.StaleVersion;
import dk.sagsspor.command.security.NotYourCommittee;
import dk.sagsspor.web.TypedProblems;
import dk.sagsspor.web.UnreadableBodies;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

/**
 * Every error as an RFC 9457 problem: 400 invalid input (naming each bad field in {@code errors}), 404 unknown id,
 * 403 another committee's meeting or item, 409 rule violation (type named after the rule) or concurrent change, 412
 * stale {@code If-Match}, 415/405 for the
 * wrong media type or method, 503 with {@code Retry-After} when the database cannot record a command
 * ({@link StorageUnavailable}); 500 only for what we did not foresee, without internals.
 */
@RestControllerAdvice
class ProblemDetails extends TypedProblems {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetails.class);
    static final String TYPE_BASE = "https://sagsspor.dk/problems/";

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidRequest.FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error ->
                        new InvalidRequest.FieldError(error.getField(), String.valueOf(error.getDefaultMessage())))
                .toList();
        return handleExceptionInternal(ex, invalid(errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    /** A body that cannot be read: the field to blame and what it must be, as for any invalid field. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(
                ex,
                invalid(List.of(InvalidRequest.FieldError.of(UnreadableBodies.of(ex)))),
                headers,
                HttpStatus.BAD_REQUEST,
                request);
    }

    /** A query parameter the container could not decode: a 400 naming it, as any other invalid field. */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ProblemDetail undecodable(org.apache.tomcat.util.http.InvalidParameterException ex) {
        return invalid(List.of(new InvalidRequest.FieldError(
                dk.sagsspor.web.RejectedParameters.name(ex), dk.sagsspor.web.RejectedParameters.MESSAGE)));
    }

    @ExceptionHandler(InvalidRequest.class)
    ProblemDetail invalidRequest(InvalidRequest ex) {
        return invalid(ex.errors());
    }

    @ExceptionHandler(NotYourCommittee.class)
    ProblemDetail notYourCommittee(NotYourCommittee ex) {
        ProblemDetail problem =
                problem(HttpStatus.FORBIDDEN, "not-your-committee", "Not your committee", ex.getMessage());
        problem.setProperty("committee", ex.committee());
        return problem;
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException ex) {
        if (StorageUnavailable.causes(ex)) {
            return storageUnavailable(ex);
        }
        if (ex.getCause() instanceof RuntimeException cause && cause != ex) {
            return respond(translate(cause));
        }
        return respond(translate(ex));
    }

    /** The database unavailable (or failing at the commit): 503 with Retry-After, nothing acknowledged. */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<ProblemDetail> storageFailed(RuntimeException ex) {
        if (StorageUnavailable.causes(ex)) {
            return storageUnavailable(ex);
        }
        return respond(translate(ex));
    }

    private static ResponseEntity<ProblemDetail> storageUnavailable(RuntimeException ex) {
        log.warn("Command not recorded, the database is unavailable: {}", ex.toString());
        return StorageUnavailable.response();
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @ExceptionHandler({
        RuleViolation.class,
        StaleVersion.class,
        AggregateNotFoundException.class,
        ConcurrencyException.class,
        ConflictingModificationException.class,
        EventStoreException.class
    })
    ResponseEntity<ProblemDetail> known(RuntimeException ex) {
        if (ex instanceof EventStoreException && StorageUnavailable.causes(ex)) {
            return storageUnavailable(ex);
        }
        return respond(translate(ex));
    }

    private ProblemDetail translate(RuntimeException ex) {
        if (ex instanceof RuleViolation violation) {
            ProblemDetail problem =
                    problem(HttpStatus.CONFLICT, violation.problemType(), "Not allowed now", violation.getMessage());
            problem.setProperty("rule", violation.getClass().getSimpleName());
            return problem;
        }
        if (ex instanceof AggregateNotFoundException notFound) {
            ProblemDetail problem = problem(
                    HttpStatus.NOT_FOUND,
                    "not-found",
                    "Not found",
                    "Nothing is known by the id " + notFound.getAggregateIdentifier());
            problem.setProperty("id", notFound.getAggregateIdentifier());
            return problem;
        }
        if (ex instanceof StaleVersion || ex instanceof ConflictingModificationException) {
            return problem(
                    HttpStatus.PRECONDITION_FAILED,
                    "stale-version",
                    "Changed since you read it",
                    "The resource has changed since the version in If-Match; read it again and retry.");
        }
        if (ex instanceof ConcurrencyException || ex instanceof EventStoreException) {
            // an event store write refused (e.g. a unique key), inside a transaction that spans several commands
            return problem(
                    HttpStatus.CONFLICT,
                    "concurrent-change",
                    "Concurrent change",
                    "Someone else changed this at the same time; reload and try again.");
        }
        log.error("Command failed unexpectedly", ex);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "Internal error",
                "The command could not be handled; nothing was recorded.");
    }

    private static ProblemDetail invalid(List<InvalidRequest.FieldError> errors) {
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                "invalid-request",
                "Invalid request",
                "The request has " + errors.size() + " invalid field(s).");
        problem.setProperty(
                "errors",
                errors.stream()
                        .map(error -> Map.of("field", error.field(), "message", error.message()))
                        .toList());
        return problem;
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
