package dk.sagsspor.command.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dk.sagsspor.command.CommandApi;
import dk.sagsspor.testsupport.Http;
import dk.sagsspor.testsupport.RealInfrastructure;
import dk.sagsspor.web.security.VerifiedTokens;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Production mode: bearer tokens, verified against the identity provider's key (here a key made for the test, given
 * as {@code public-key-location}; in production the issuer's keys, from {@code issuer-uri}). The user is named by the
 * username claim and has the roles of the roles claim.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sagsspor.security.mode=oidc", "sagsspor.security.roles-claim=sagsspor_roles"})
class BearerTokenIT {

    static final KeyPair PROVIDER = keyPair();
    static final KeyPair STRANGER = keyPair();

    @DynamicPropertySource
    static void infrastructureAndTheProvidersKey(DynamicPropertyRegistry registry) throws IOException {
        RealInfrastructure.register(registry, "command");
        Path key = Files.createTempFile("provider", ".pem");
        Files.writeString(
                key,
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(PROVIDER.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + key);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTokensUserIsTheActorWithTheRolesOfItsClaim() {
        HttpResponse<String> proposed = bearer(token(PROVIDER, "hast", List.of("secretary:KKR Nordjylland"), 300))
                .postJson("/api/agenda-items", "{\"committee\": \"KKR Nordjylland\", \"title\": \"Eventuelt\"}");

        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
        assertThat(new CommandApi(port, jdbc)
                        .lastMetaData(Http.json(proposed).path("id").asString()))
                .contains("\"actor\":\"hast\"");
    }

    @Autowired
    JwtDecoder decoder;

    @Test
    void verifiesEachTokenOnceAndRejectsAStrangersEveryTime() {
        String token = token(PROVIDER, "hast", List.of("secretary:KKR Nordjylland"), 300);

        assertThat(decoder).isInstanceOf(VerifiedTokens.class);
        assertThat(decoder.decode(token)).isSameAs(decoder.decode(token));
        String forged = token(STRANGER, "hast", List.of("admin"), 300);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(JwtException.class);
        }
    }

    @Test
    void refusesReadersOtherCommitteesAndTokensThatAreExpiredOrNotTheProviders() {
        String body = "{\"committee\": \"KKR Nordjylland\", \"title\": \"Eventuelt\"}";

        assertThat(bearer(token(PROVIDER, "laes", List.of("reader"), 300))
                        .postJson("/api/agenda-items", body)
                        .statusCode())
                .isEqualTo(403);
        assertThat(bearer(token(PROVIDER, "mije", List.of("secretary:KKR Midtjylland"), 300))
                        .postJson("/api/agenda-items", body)
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> expired = bearer(token(PROVIDER, "hast", List.of("secretary:KKR Nordjylland"), -60))
                .postJson("/api/agenda-items", body);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        assertThat(bearer(token(STRANGER, "hast", List.of("secretary:KKR Nordjylland"), 300))
                        .postJson("/api/agenda-items", body)
                        .statusCode())
                .isEqualTo(401);
        assertThat(Http.localhost(port).postJson("/api/agenda-items", body).statusCode())
                .as("HTTP Basic is off in oidc mode")
                .isEqualTo(401);
    }

    private Http bearer(String token) {
        return Http.localhost(port).withAuthorization("Bearer " + token);
    }

    static String token(KeyPair key, String user, List<String> roles, long secondsValid) {
        try {
            Instant now = Instant.now();
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader(JWSAlgorithm.RS256),
                    new JWTClaimsSet.Builder()
                            .subject("id-of-" + user)
                            .claim("preferred_username", user)
                            .claim("sagsspor_roles", roles)
                            .issueTime(Date.from(now.minusSeconds(120)))
                            .expirationTime(Date.from(now.plusSeconds(secondsValid)))
                            .build());
            jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
