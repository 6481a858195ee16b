package dk.sagsspor.web.contract;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Set;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/** Documents what {@link Created} and {@link Versioned} say of a handler's success answer. */
public final class AnnotatedAnswers implements GlobalOperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (operation.getResponses() == null || !operation.getResponses().containsKey("200")) {
            return operation;
        }
        Created created = handler.getMethodAnnotation(Created.class);
        if (created != null) {
            ApiResponse ok = operation.getResponses().remove("200");
            ok.description(created.value())
                    .addHeaderObject(
                            "Location",
                            new Header()
                                    .description(created.location())
                                    .schema(new JsonSchema()
                                            .types(Set.of("string"))
                                            .format("uri-reference")));
            ProblemResponses.add(operation, "201", ok);
        }
        Versioned versioned = handler.getMethodAnnotation(Versioned.class);
        if (versioned != null) {
            operation
                    .getResponses()
                    .get("200")
                    .addHeaderObject("ETag", ProblemResponses.header(versioned.value() + " (quoted)", "string"));
        }
        return operation;
    }
}
