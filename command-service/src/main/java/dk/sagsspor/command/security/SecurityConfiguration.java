package dk.sagsspor.command.security;

import dk.sagsspor.web.security.ApiSecurity;
import dk.sagsspor.web.security.ApiSecurityConfiguration;
import dk.sagsspor.web.security.Roles;
import dk.sagsspor.web.security.SecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code /api} needs here ({@link ApiSecurity} does the rest): reading a reader, the staff directory an admin,
 * every command a secretary — of the committee concerned, which {@link CommitteeAccess} checks.
 */
@Configuration(proxyBeanMethods = false)
@Import(ApiSecurityConfiguration.class)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, SecurityProperties properties, JsonMapper json) throws Exception {
        return ApiSecurity.chain(
                http,
                properties,
                json,
                api -> api.requestMatchers("/api/staff/**")
                        .hasRole(Roles.ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/**")
                        .hasRole(Roles.READER)
                        .requestMatchers("/api/**")
                        .hasRole(Roles.SECRETARY));
    }
}
