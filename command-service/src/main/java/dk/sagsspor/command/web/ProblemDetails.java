package dk.sagsspor.command.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as an RFC 9457 problem: 400 invalid input (with the offending fields), 404 unknown id, 409 rule
 * violation or concurrent change, 415/405 for the wrong media type or method; 500 only for what we did not foresee,
 * without internals.
 */
@RestControllerAdvice
class ProblemDetails extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetails.class);
    static final String TYPE_BASE = "https://sagsspor.dk/problems/";

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The request has " + ex.getErrorCount() + " invalid field(s).");
        problem.setType(URI.create(TYPE_BASE + "invalid-request"));
        problem.setTitle("Invalid request");
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of(
                        "field", error.getField(),
                        "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(CommandExecutionException.class)
    ProblemDetail commandFailed(CommandExecutionException ex) {
        if (ex.getCause() instanceof RuntimeException cause && cause != ex) {
            return translate(cause);
        }
        return translate(ex);
    }

    @ExceptionHandler({AggregateNotFoundException.class, ConcurrencyException.class})
    ProblemDetail known(RuntimeException ex) {
        return translate(ex);
    }

    private ProblemDetail translate(RuntimeException ex) {
        if (ex instanceof AggregateNotFoundException notFound) {
            return problem(
                    HttpStatus.NOT_FOUND,
                    "not-found",
                    "Not found",
                    "No such " + "item: " + notFound.getAggregateIdentifier());
        }
        if (ex instanceof ConcurrencyException) {
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

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
