package dk.sagsspor.web.security;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Verifies a bearer token once: a token that passed the verifier (signature, issuer, time) is remembered by its exact
 * text until it expires, and later requests with it skip the signature check — an RSA verification on every request
 * was a fifth of the service's CPU per request (deploy/benchmark, docs/benchmark.md). Tokens without an expiry are
 * not remembered, nor are rejected ones. At most {@code capacity} tokens are kept: when full, the expired ones are
 * dropped, and all of them if that is not enough. Both services use it ({@link ApiSecurityConfiguration}).
 */
public final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder verifier;
    private final Clock clock;
    private final int capacity;
    private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

    VerifiedTokens(JwtDecoder verifier, Clock clock, int capacity) {
        this.verifier = verifier;
        this.clock = clock;
        this.capacity = capacity;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Jwt known = verified.get(token);
        if (known != null) {
            if (now.isBefore(known.getExpiresAt())) {
                return known;
            }
            verified.remove(token, known);
        }
        Jwt jwt = verifier.decode(token);
        if (jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt())) {
            if (verified.size() >= capacity) {
                verified.values().removeIf(old -> !now.isBefore(old.getExpiresAt()));
                if (verified.size() >= capacity) {
                    verified.clear();
                }
            }
            verified.put(token, jwt);
        }
        return jwt;
    }

    int size() {
        return verified.size();
    }
}
