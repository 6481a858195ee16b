package dk.sagsspor.query.web;

import dk.sagsspor.web.TypedProblems;
import dk.sagsspor.web.UnreadableBodies;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every error as an RFC 9457 problem; Spring's handlers cover malformed requests, this adds the domain's. */
@RestControllerAdvice
class ProblemDetails extends TypedProblems {

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
        return invalid(java.util.List.of(java.util.Map.of("field", ex.parameter(), "message", ex.getMessage())));
    }

    /** A 400 naming each field (a parameter, a part of the body) and what it must be, in its detail too. */
    private static ProblemDetail invalid(java.util.List<java.util.Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                "Invalid request: "
                        + String.join(
                                "; ",
                                errors.stream()
                                        .map(e -> e.get("field") + " " + e.get("message"))
                                        .toList())
                        + ".");
        problem.setType(URI.create("https://sagsspor.dk/problems/invalid-request"));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
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

    @ExceptionHandler(Forbidden.class)
    ProblemDetail forbidden(Forbidden ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
        problem.setType(URI.create("https://sagsspor.dk/problems/forbidden"));
        problem.setTitle("Forbidden");
        return problem;
    }

    /** A parameter that is not of its type ({@code page=abc}, {@code pageSize=1.5}): a 400 naming it. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException argument
                ? argument.getName()
                : String.valueOf(ex.getPropertyName());
        return handleExceptionInternal(
                ex,
                badQuery(new BadQuery(name, mustBe(ex.getRequiredType()))),
                headers,
                HttpStatus.BAD_REQUEST,
                request);
    }

    /** Parameters bound to a record (a list's filter): each that could not be bound or is invalid, named. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = invalid(ex.getBindingResult().getFieldErrors().stream()
                .map(error -> java.util.Map.of(
                        "field",
                        error.getField(),
                        "message",
                        error.isBindingFailure()
                                ? mustBe(ex.getBindingResult().getFieldType(error.getField()))
                                : String.valueOf(error.getDefaultMessage())))
                .toList());
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** A body that cannot be read (a subscription's choice, say): the field to blame and what it must be. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        UnreadableBodies.FieldError blame = UnreadableBodies.of(ex);
        return handleExceptionInternal(
                ex, badQuery(new BadQuery(blame.field(), blame.message())), headers, HttpStatus.BAD_REQUEST, request);
    }

    /** What a parameter of the type must be, in words. */
    private static String mustBe(@Nullable Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "must be a whole number";
        }
        return "is not a valid " + (type == null ? "value" : type.getSimpleName());
    }
}
