package dk.sagsspor.command.security;

import dk.sagsspor.events.access.Roles;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything under {@code /api} needs an authenticated user: commands a secretary (of the committee concerned — see
 * {@link CommitteeAccess}), the staff directory an admin. Liveness, readiness and the API documents are open; the other
 * actuator endpoints need the {@code monitoring} or {@code admin} role. No sessions: every request carries its
 * credentials. Refusals are problems: 401 with {@code WWW-Authenticate}, 403 naming what is missing.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String TYPE_BASE = "https://sagsspor.dk/problems/";

    @Bean
    SecurityFilterChain api(HttpSecurity http, SecurityProperties properties, JsonMapper json) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            response.setHeader(
                    "WWW-Authenticate",
                    properties.mode() == SecurityProperties.Mode.LOCAL
                            ? "Basic realm=\"sagsspor\""
                            : "Bearer realm=\"sagsspor\"");
            problem(response, json, HttpStatus.UNAUTHORIZED, "unauthenticated", "Log in to use the API.");
        };
        AccessDeniedHandler forbidden = (request, response, e) ->
                problem(response, json, HttpStatus.FORBIDDEN, "forbidden", "Your roles do not allow this request.");
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(
                                DispatcherType.ERROR, DispatcherType.ASYNC)
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
                        .permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasAnyRole(Roles.MONITORING, Roles.ADMIN)
                        .requestMatchers("/api/staff/**")
                        .hasRole(Roles.ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/**")
                        .hasRole(Roles.READER)
                        .requestMatchers("/api/**")
                        .hasRole(Roles.SECRETARY)
                        .anyRequest()
                        .denyAll())
                .exceptionHandling(
                        e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden));
        if (properties.mode() == SecurityProperties.Mode.LOCAL) {
            http.httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated));
        } else {
            http.oauth2ResourceServer(oauth -> oauth.authenticationEntryPoint(unauthenticated)
                    .accessDeniedHandler(forbidden)
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(tokens(properties))));
        }
        return http.build();
    }

    /**
     * The token verifier Spring Boot configures (from the issuer or a public key), wrapped so that each token is
     * verified once ({@link VerifiedTokens}, up to 10,000 tokens).
     */
    @Bean
    static BeanPostProcessor verifyTokensOnce(ObjectProvider<Clock> clock) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof JwtDecoder verifier && !(bean instanceof VerifiedTokens)
                        ? new VerifiedTokens(verifier, clock.getIfAvailable(Clock::systemUTC), 10_000)
                        : bean;
            }
        };
    }

    /** Local users, from {@code sagsspor.security.users}; their roles are checked at start. */
    @Bean
    UserDetailsService users(SecurityProperties properties) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        properties
                .users()
                .forEach((name, user) -> users.createUser(User.withUsername(name)
                        .password(user.password())
                        .passwordEncoder(password -> password)
                        .authorities(granted(user.roles() == null ? List.of() : user.roles(), true))
                        .build()));
        return users;
    }

    @Bean
    org.springframework.security.crypto.password.PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** A token's user: named by the username claim (else {@code sub}), with the roles of the roles claim. */
    static Converter<Jwt, AbstractAuthenticationToken> tokens(SecurityProperties properties) {
        return token -> {
            Object claim = token.getClaims().get(properties.rolesClaim());
            Collection<String> roles;
            if (claim instanceof Collection<?> list) {
                roles = list.stream().map(String::valueOf).toList();
            } else if (claim instanceof String text) {
                roles = List.of(text.split(" "));
            } else {
                roles = List.of();
            }
            String name = token.getClaimAsString(properties.usernameClaim());
            return new JwtAuthenticationToken(token, granted(roles, false), name == null ? token.getSubject() : name);
        };
    }

    /** The authorities of roles as Spring Security holds them. */
    static java.util.Set<org.springframework.security.core.GrantedAuthority> granted(
            Collection<String> roles, boolean strict) {
        return Roles.authorities(roles, strict).stream()
                .map(org.springframework.security.core.authority.SimpleGrantedAuthority::new)
                .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** The authority names of an authenticated user. */
    static List<String> authorities(org.springframework.security.core.Authentication user) {
        return user.getAuthorities().stream()
                .map(org.springframework.security.core.GrantedAuthority::getAuthority)
                .toList();
    }

    static void problem(HttpServletResponse response, JsonMapper json, HttpStatus status, String type, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(
                response.getOutputStream(),
                Map.of(
                        "type", problem.getType().toString(),
                        "title", status.getReasonPhrase(),
                        "status", status.value(),
                        "detail", detail));
    }
}
