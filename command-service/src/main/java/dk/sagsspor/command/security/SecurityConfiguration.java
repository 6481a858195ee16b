package dk.sagsspor.command.security;

import dk.sagsspor.web.security.ApiSecurity;
import dk.sagsspor.web.security.ApiSecurityConfiguration;
import dk.sagsspor.web.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;

/** Users get in as {@link ApiSecurityConfiguration} lets them; what they may do here under {@code /api} is said here. */
@Configuration(proxyBeanMethods = false)
@Import(ApiSecurityConfiguration.class)
class SecurityConfiguration {

    /**
     * Reading takes a reader, the staff directory an admin, the audit views an admin or an auditor (a seal on demand
     * an admin), every command a secretary — of the committee concerned,
     * which {@link CommitteeAccess} checks.
     */
    @Bean
    ApiSecurity.ApiRules commandRules() {
        return api -> api.requestMatchers("/api/staff/**")
                .hasRole(Roles.ADMIN)
                .requestMatchers(HttpMethod.GET, "/api/audit/**")
                .hasAnyRole(Roles.ADMIN, Roles.AUDITOR)
                .requestMatchers("/api/audit/**")
                .hasRole(Roles.ADMIN)
                .requestMatchers(HttpMethod.GET, "/api/**")
                .hasRole(Roles.READER)
                .requestMatchers("/api/**")
                .hasRole(Roles.SECRETARY);
    }
}
