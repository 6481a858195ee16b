package dk.sagsspor.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.sagsspor.testsupport.MutableClock;
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

/** A token is verified once, remembered until it expires, and the memory stays within its capacity. */
class VerifiedTokensTest {

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

    /** VerifiedTokens around {@code verifier}. */
    private static JwtDecoder verifiedOnce(JwtDecoder verifier, Clock clock, int capacity) {
        return new VerifiedTokens(verifier, clock, capacity);
    }

    private static int size(JwtDecoder tokens) {
        return ((VerifiedTokens) tokens).size();
    }

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
