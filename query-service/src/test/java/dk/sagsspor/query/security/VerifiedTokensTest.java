package dk.sagsspor.query.security;

import dk.sagsspor.testsupport.VerifiedTokensContract;
import java.time.Clock;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokensTest extends VerifiedTokensContract {

    @Override
    protected JwtDecoder verifiedOnce(JwtDecoder verifier, Clock clock, int capacity) {
        return new VerifiedTokens(verifier, clock, capacity);
    }

    @Override
    protected int size(JwtDecoder tokens) {
        return ((VerifiedTokens) tokens).size();
    }
}
