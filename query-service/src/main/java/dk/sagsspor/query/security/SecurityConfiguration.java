package dk.sagsspor.query.security;

import dk.sagsspor.web.security.ApiSecurity;
import dk.sagsspor.web.security.ApiSecurityConfiguration;
import dk.sagsspor.web.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;

/** Users get in as {@link ApiSecurityConfiguration} lets them; what they may read here is said here. */
@Configuration(proxyBeanMethods = false)
@Import(ApiSecurityConfiguration.class)
class SecurityConfiguration {

    /**
     * {@code /api/admin} (projection rebuilds, dead letters) takes an admin, the list of digests sent a secretary or an
     * admin, everything else a reader — secretaries and admins are readers too; a reader may change only their own
     * digest subscription (the controller checks whose). Items closed to the public are filtered per user
     * ({@link Visibility}).
     */
    @Bean
    ApiSecurity.ApiRules queryRules() {
        return api -> api.requestMatchers("/api/admin/**")
                .hasRole(Roles.ADMIN)
                .requestMatchers(HttpMethod.GET, "/api/digests")
                .hasAnyRole(Roles.SECRETARY, Roles.ADMIN)
                .requestMatchers(HttpMethod.GET, "/api/**")
                .hasRole(Roles.READER)
                .requestMatchers(HttpMethod.PUT, "/api/digests/*/subscription")
                .hasRole(Roles.READER);
    }
}
