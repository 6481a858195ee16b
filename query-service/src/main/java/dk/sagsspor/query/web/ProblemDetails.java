package dk.sagsspor.query.web;

import dk.sagsspor.web.StatusProblems;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error as an RFC 9457 problem; Spring's handlers cover malformed requests, this adds the domain's. */
@RestControllerAdvice
class ProblemDetails extends ResponseEntityExceptionHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProblemDetails.class);

    /** Whatever was not foreseen: logged in full, answered without internals. */
    @ExceptionHandler(RuntimeException.class)
    ProblemDetail unexpected(RuntimeException ex) {
        log.error("Query failed unexpectedly", ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "The query could not be answered; the error is logged.");
        problem.setType(URI.create("https://sagsspor.dk/problems/internal-error"));
        problem.setTitle("Internal error");
        return problem;
    }

    /** A query parameter the container could not decode: a 400 naming it, as any other bad parameter. */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ProblemDetail undecodable(org.apache.tomcat.util.http.InvalidParameterException ex) {
        return badQuery(
                new BadQuery(dk.sagsspor.web.RejectedParameters.name(ex), dk.sagsspor.web.RejectedParameters.MESSAGE));
    }

    @ExceptionHandler(BadQuery.class)
    ProblemDetail badQuery(BadQuery ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid query parameter.");
        problem.setType(URI.create("https://sagsspor.dk/problems/invalid-request"));
        problem.setTitle("Invalid request");
        problem.setProperty(
                "errors", java.util.List.of(java.util.Map.of("field", ex.parameter(), "message", ex.getMessage())));
        return problem;
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.NOT_FOUND,
                ex.getMessage() + ". If it was just created, it may take a moment to appear here.");
        problem.setType(URI.create("https://sagsspor.dk/problems/not-found"));
        problem.setTitle("Not found");
        problem.setProperty("kind", ex.kind());
        problem.setProperty("id", ex.id());
        return problem;
    }

    /** Spring's own refusals (415, 405, 406, …) carry a type of our catalogue too ({@link StatusProblems}). */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            StatusProblems.typed(problem, statusCode);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }
}
