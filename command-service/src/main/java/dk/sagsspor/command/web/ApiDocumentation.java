package dk.sagsspor.command.web;

import dk.sagsspor.web.contract.ApiDocuments;
import dk.sagsspor.web.contract.ProblemResponses;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /v3/api-docs}, browsable at {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI sagssporCommandApi() {
        return ApiDocuments.secured(
                new Info().title("Sagsspor command API").version("1").description("""
                                Records what happens to meetings and agenda items. Every write takes If-Match \
                                ("<version>") and answers the new version as ETag; every POST takes an \
                                Idempotency-Key. Errors are RFC 9457 problems: 400 invalid input (errors[] names \
                                each field), 404 unknown id, 409 rule violation (type named after the rule) or \
                                concurrent change, 412 stale If-Match, 422 Idempotency-Key reused with another \
                                request. The results are read from the query service. \
                                Authentication: HTTP Basic (local users) or an OIDC bearer token; commands need \
                                the secretary role of the committee concerned (403 not-your-committee otherwise), \
                                the staff directory the admin role."""));
    }

    /**
     * What every write can answer besides success and the refusals every request can meet ({@link ProblemResponses}):
     * a rule violation or concurrent change, a stale {@code If-Match}, a reused {@code Idempotency-Key} (a header
     * {@link IdempotentRequests} reads on every POST), storage that cannot record the command.
     */
    @Bean
    OpenApiCustomizer commandAnswers() {
        return api -> api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    if (path.startsWith("/api/audit/")) {
                        return; // reads and a seal: no version, no rule to violate, no command to store
                    }
                    ProblemResponses.add(operation, "409", """
                            A rule forbids this now: typed after the rule (e.g. `committee-mismatch`, with `rule` \
                            naming it and `detail` in words); or `concurrent-change`: someone changed it at the same \
                            time — read it again and retry.""");
                    operation.getResponses().forEach((status, response) -> {
                        if (status.startsWith("2") && !path.startsWith("/api/imports/")) {
                            response.addHeaderObject(
                                    "ETag",
                                    ProblemResponses.header(
                                            "The version it now has (quoted), for the next write's If-Match",
                                            "string"));
                        }
                    });
                    boolean conditional = operation.getParameters() != null
                            && operation.getParameters().stream().anyMatch(p -> "If-Match".equals(p.getName()));
                    if (conditional) {
                        ProblemResponses.add(
                                operation,
                                "412",
                                "`stale-version`: it has changed since the version in `If-Match`; read it again.");
                    }
                    if (method == PathItem.HttpMethod.POST) {
                        operation.addParametersItem(new Parameter()
                                .in("header")
                                .name(IdempotentRequests.HEADER)
                                .required(false)
                                .description("""
                                        Makes the POST safe to send again: a repeat with the same key gets the \
                                        first answer (`Idempotent-Replayed: true`). 8 to 128 letters, digits and \
                                        ._:- (a UUID is ideal).""")
                                .schema(new JsonSchema()
                                        .types(Set.of("string"))
                                        .minLength(8)
                                        .maxLength(128)
                                        .pattern("^[A-Za-z0-9._:-]+$")));
                        ProblemResponses.add(
                                operation,
                                "422",
                                """
                                `idempotency-key-reused`: this `Idempotency-Key` came with a different request \
                                before; use a new key for a new request."""
                                        + (path.startsWith("/api/imports/")
                                                ? " `not-minutes`: the document holds no agenda items."
                                                : ""));
                    }
                    ProblemResponses.add(
                            operation,
                            "503",
                            """
                            `storage-unavailable`: the database could not record the command, so nothing is \
                            acknowledged; retry after `Retry-After` seconds, with the same `Idempotency-Key`.""",
                            Map.of(
                                    "Retry-After",
                                    ProblemResponses.header("Seconds to wait before retrying", "integer")));
                }));
    }
}
