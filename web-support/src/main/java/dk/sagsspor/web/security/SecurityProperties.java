package dk.sagsspor.web.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who may use the service.
 *
 * @param mode {@code oidc}: bearer tokens from an OpenID Connect provider (configure
 *     {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}); {@code local}: HTTP Basic against {@code users}
 * @param rolesClaim the token claim with the user's roles (a list, or a space-separated string)
 * @param usernameClaim the token claim that names the user (the actor in events); {@code sub} when absent
 * @param users local users by user name: a hashed password ({@code {bcrypt}…}) and roles
 */
@Validated
@ConfigurationProperties("sagsspor.security")
public record SecurityProperties(
        @NotNull Mode mode,
        @NotBlank String rolesClaim,
        @NotBlank String usernameClaim,
        Map<String, User> users) {

    public enum Mode {
        LOCAL,
        OIDC
    }

    /** A local user: {@code password} hashed with a {@code {id}} prefix, roles as in {@link Roles}. */
    public record User(@NotBlank String password, List<String> roles) {}

    public SecurityProperties {
        users = users == null ? Map.of() : Map.copyOf(users);
    }
}
