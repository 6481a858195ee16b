package dk.sagsspor.query.security;

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
 * What {@code /api} needs here ({@link ApiSecurity} does the rest): an admin for {@code /api/admin} (projection
 * rebuilds, dead letters), a reader for everything else — secretaries and admins are readers too. Items closed to the
 * public are filtered per user ({@link Visibility}).
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
                api -> api.requestMatchers("/api/admin/**")
                        .hasRole(Roles.ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/**")
                        .hasRole(Roles.READER));
    }
}
