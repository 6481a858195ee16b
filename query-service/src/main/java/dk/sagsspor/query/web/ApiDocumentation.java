package dk.sagsspor.query.web;

import dk.sagsspor.web.contract.ApiDocuments;
import dk.sagsspor.web.contract.ProblemResponses;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /v3/api-docs}, browsable at {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI sagssporQueryApi() {
        return ApiDocuments.secured(
                new Info().title("Sagsspor query API").version("1").description("""
                                What secretariat staff read: agenda items as projected from the event log. \
                                Field names follow OParl where it has one. Single resources carry their version \
                                as ETag. Eventually consistent with the command service. \
                                Authentication: HTTP Basic (local users) or an OIDC bearer token, with the reader \
                                role (admin for /api/admin); items closed to the public are visible only to their \
                                committee's secretaries and admins."""));
    }

    /**
     * What the query service answers besides success and the refusals every request can meet ({@link
     * ProblemResponses}): a resource read with its version as {@code ETag} answers {@code 304} to an {@code
     * If-None-Match} that names it; a rebuild can be refused or find Kafka away.
     */
    @Bean
    OpenApiCustomizer queryAnswers() {
        return api -> api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    ApiResponse ok = operation.getResponses() == null
                            ? null
                            : operation.getResponses().get("200");
                    if (method == PathItem.HttpMethod.GET
                            && ok != null
                            && ok.getHeaders() != null
                            && ok.getHeaders().containsKey("ETag")) {
                        operation.addParametersItem(new Parameter()
                                .in("header")
                                .name("If-None-Match")
                                .required(false)
                                .description("The ETag of the version you hold: 304 if it is still the current one")
                                .schema(new JsonSchema().types(Set.of("string"))));
                        ProblemResponses.add(
                                operation,
                                "304",
                                new ApiResponse().description("Not modified: If-None-Match names the current version"));
                    }
                    if (method == PathItem.HttpMethod.POST && path.startsWith("/api/admin/projections")) {
                        ProblemResponses.add(
                                operation,
                                "409",
                                "`rebuild-refused`: other instances consume the topic, or a rebuild is under way.");
                        ProblemResponses.add(
                                operation,
                                "503",
                                "`kafka-unavailable`: Kafka did not answer, so no rebuild was started.");
                    }
                }));
    }
}
