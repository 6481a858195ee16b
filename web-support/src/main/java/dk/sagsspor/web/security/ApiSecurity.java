package dk.sagsspor.web.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * How both services let users in (ADR 7): no sessions, every request carries its credentials — HTTP Basic against
 * local users or an OIDC bearer token, by {@link SecurityProperties#mode()}. Liveness, readiness and the API documents
 * are open; the other actuator endpoints need {@code monitoring} or {@code admin}; what {@code /api} needs is each
 * service's own rule; anything else is refused. Refusals are problems: {@code 401} with {@code WWW-Authenticate},
 * {@code 403} naming what is missing.
 */
public final class ApiSecurity {

    /** The base of every problem type. */
    public static final String TYPE_BASE = "https://sagsspor.dk/problems/";

    /** The rules a service adds for its own paths, between the shared open paths and "deny everything else". */
    public interface ApiRules
            extends Customizer<
                    AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> {}

    private ApiSecurity() {}

    /** The service's filter chain: the shared rules, the service's {@code api} rules, and refusals as problems. */
    public static SecurityFilterChain chain(
            HttpSecurity http, SecurityProperties properties, JsonMapper json, ApiRules api) throws Exception {
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
                .authorizeHttpRequests(requests -> {
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC)
                            .permitAll()
                            .requestMatchers(
                                    "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
                            .permitAll()
                            .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                            .permitAll()
                            .requestMatchers("/actuator/**")
                            .hasAnyRole(Roles.MONITORING, Roles.ADMIN);
                    api.customize(requests);
                    requests.anyRequest().denyAll();
                })
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

    /** The authorities of roles as Spring Security holds them; unknown roles refused when {@code strict}. */
    static Set<GrantedAuthority> granted(Collection<String> roles, boolean strict) {
        return Roles.authorities(roles, strict).stream()
                .map(SimpleGrantedAuthority::new)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The authority names of an authenticated user. */
    public static List<String> authorities(Authentication user) {
        return user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
    }

    /** Writes a problem of type {@link #TYPE_BASE}{@code type}, outside Spring MVC (in a filter). */
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
