package dk.sagsspor.web.security;

import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * What both services' security is made of besides their own rules: the settings ({@code sagsspor.security}), the
 * local users, the password encoder, the token verifier wrapped so each token is verified once, and the filter chain
 * ({@link ApiSecurity#chain}) with the rules the service gives as an {@link ApiSecurity.ApiRules} bean. A service
 * imports it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class ApiSecurityConfiguration {

    /**
     * The token verifier Spring Boot configures (from the issuer or a public key), wrapped so that each token is
     * verified once ({@link VerifiedTokens}, up to 10,000 tokens).
     */
    @Bean
    static BeanPostProcessor verifyTokensOnce(ObjectProvider<Clock> clock) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof org.springframework.security.oauth2.jwt.JwtDecoder verifier
                                && !(bean instanceof VerifiedTokens)
                        ? new VerifiedTokens(verifier, clock.getIfAvailable(Clock::systemUTC), 10_000)
                        : bean;
            }
        };
    }

    /** The service's filter chain: the shared rules around its own. */
    @Bean
    SecurityFilterChain api(
            HttpSecurity http, SecurityProperties properties, JsonMapper json, ApiSecurity.ApiRules rules)
            throws Exception {
        return ApiSecurity.chain(http, properties, json, rules);
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
                        .authorities(ApiSecurity.granted(user.roles() == null ? List.of() : user.roles(), true))
                        .build()));
        return users;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
