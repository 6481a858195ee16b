package dk.sagsspor.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * What each service's problem handler starts from: Spring MVC's handlers for malformed requests, with Spring's own
 * refusals (415, 405, 406, …) given a type of our catalogue too ({@link StatusProblems}).
 */
public abstract class TypedProblems extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            StatusProblems.typed(problem, statusCode);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }
}
