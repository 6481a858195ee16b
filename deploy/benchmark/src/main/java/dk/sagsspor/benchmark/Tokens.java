package dk.sagsspor.benchmark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's identity provider: an RSA key whose public half the services trust (oidc mode,
 * {@code public-key-location}), and RS256 bearer tokens signed with it. Bearer tokens cost the services a signature
 * check (tens of microseconds), where HTTP Basic would cost a bcrypt check per request (about 100 ms) and the
 * benchmark would measure bcrypt.
 */
final class Tokens {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private Tokens() {}

    /** {@code java … Tokens DIR}: writes {@code public.pem} (for the services) and {@code private.key}. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        Files.writeString(dir.resolve("public.pem"), pem);
        Files.write(dir.resolve("private.key"), pair.getPrivate().getEncoded());
    }

    static PrivateKey privateKey(Path dir) throws Exception {
        return KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(dir.resolve("private.key"))));
    }

    /** A token for {@code user} with the given Sagsspor roles, valid for a day. */
    static String token(PrivateKey key, String user, List<String> roles) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        long now = Instant.now().getEpochSecond();
        String header = URL.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = URL.encodeToString(json.writeValueAsBytes(java.util.Map.of(
                "sub", user,
                "preferred_username", user,
                "sagsspor_roles", roles,
                "iat", now,
                "exp", now + 86_400)));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + URL.encodeToString(signature.sign());
    }
}
