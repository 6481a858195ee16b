package dk.sagsspor.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * What each service's {@code VerifiedTokens} must do (the class is written once per service, ADR 7): a service's test
 * extends this and says how to make one and how many tokens it holds.
 */
public abstract class VerifiedTokensContract {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final List<String> verifications = new ArrayList<>();

    /** A verifier that counts its calls: tokens "bad…" are rejected, "forever…" have no expiry, others expire at 11:00. */
    private final JwtDecoder verifier = token -> {
        verifications.add(token);
        if (token.startsWith("bad")) {
            throw new BadJwtException("signature does not match");
        }
        Jwt.Builder jwt =
                Jwt.withTokenValue(token).header("alg", "RS256").subject("hast").issuedAt(NOW);
        return token.startsWith("forever")
                ? jwt.build()
                : jwt.expiresAt(NOW.plus(Duration.ofHours(1))).build();
    };

    private JwtDecoder tokens;

    /** The service's VerifiedTokens around {@code verifier}. */
    protected abstract JwtDecoder verifiedOnce(JwtDecoder verifier, Clock clock, int capacity);

    /** How many tokens it remembers. */
    protected abstract int size(JwtDecoder tokens);

    @BeforeEach
    void capacityOfThree() {
        tokens = verifiedOnce(verifier, clock, 3);
    }

    @Test
    void verifiesATokenOnceUntilItExpires() {
        Jwt first = tokens.decode("a");
        clock.advance(Duration.ofMinutes(59));

        assertThat(tokens.decode("a")).isSameAs(first);
        assertThat(verifications).containsExactly("a");
    }

    @Test
    void asksTheVerifierAgainOnceTheTokenHasExpired() {
        tokens.decode("a");
        clock.advance(Duration.ofHours(1));

        tokens.decode("a");

        assertThat(verifications).containsExactly("a", "a");
    }

    @Test
    void remembersNoRejectedToken() {
        assertThatThrownBy(() -> tokens.decode("bad")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("bad")).isInstanceOf(BadJwtException.class);

        assertThat(verifications).containsExactly("bad", "bad");
        assertThat(size(tokens)).isZero();
    }

    @Test
    void remembersNoTokenWithoutExpiry() {
        tokens.decode("forever");
        tokens.decode("forever");

        assertThat(verifications).containsExactly("forever", "forever");
    }

    @Test
    void keepsNoMoreThanItsCapacity() {
        for (String token : List.of("a", "b", "c", "d", "e")) {
            tokens.decode(token);
        }

        assertThat(size(tokens)).isLessThanOrEqualTo(3);
        tokens.decode("e");
        assertThat(verifications).containsExactly("a", "b", "c", "d", "e");
    }
}
