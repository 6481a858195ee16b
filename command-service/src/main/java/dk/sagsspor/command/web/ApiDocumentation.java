package dk.sagsspor.command.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /v3/api-docs}, browsable at {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI sagssporCommandApi() {
        return new OpenAPI()
                .servers(List.of(new Server().url("/")))
                .components(new Components()
                        .addSecuritySchemes(
                                "basic",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic"))
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .info(new Info().title("Sagsspor command API").version("1").description("""
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
}
