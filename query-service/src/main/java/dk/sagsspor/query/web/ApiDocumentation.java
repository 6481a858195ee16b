package dk.sagsspor.query.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /v3/api-docs}, browsable at {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI sagssporQueryApi() {
        return new OpenAPI()
                .servers(List.of(new Server().url("/")))
                .info(new Info().title("Sagsspor query API").version("1").description("""
                                What secretariat staff read: agenda items as projected from the event log. \
                                Field names follow OParl where it has one. Single resources carry their version \
                                as ETag. Eventually consistent with the command service."""));
    }
}
