package dk.sagsspor.query.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error as an RFC 9457 problem; Spring's handlers cover malformed requests, this adds the domain's. */
@RestControllerAdvice
class ProblemDetails extends ResponseEntityExceptionHandler {

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
}
