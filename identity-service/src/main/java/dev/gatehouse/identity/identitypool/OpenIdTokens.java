package dev.gatehouse.identity.identitypool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.auth.api.MasterKey;
import dev.gatehouse.identity.identitypool.config.IdentityPoolsConfig;
import dev.gatehouse.identity.srp.Srp;
import dev.gatehouse.identity.token.Jwt;
import dev.gatehouse.identity.token.SigningKey;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OpenID tokens of GetOpenIdToken (spec 6.3): RS256, {@code iss} the configured issuer ({@code
 * https://cognito-identity.amazonaws.com} by default), {@code aud} the pool id, {@code sub} the
 * identity id, multi-valued {@code amr}; 10 minutes unless the developer API asks otherwise. The
 * key is made at first start and kept in Redis sealed under the master key, like the user pool's.
 */
@ApplicationScoped
public class OpenIdTokens {

    public static final Duration VALIDITY = Duration.ofMinutes(10);
    static final String KEY = "gatehouse:identitypool:openid-signing-key";
    private static final String FIELD = "key.sealed";

    private final ObjectMapper json;
    private final String issuer;
    private final SigningKey key;
    private final Clock clock = Clock.systemUTC();

    OpenIdTokens(
            ObjectMapper json,
            IdentityPoolsConfig config,
            RedisDataSource redis,
            MasterKey masterKey) {
        this.json = json;
        this.issuer = config.openIdIssuer();
        HashCommands<String, String, String> hash = redis.hash(String.class);
        if (hash.hget(KEY, FIELD) == null) {
            hash.hsetnx(KEY, FIELD, masterKey.seal(KEY, generate()));
        }
        String pkcs8 =
                masterKey
                        .open(KEY, hash.hget(KEY, FIELD))
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                KEY
                                                        + " was sealed under another master key:"
                                                        + " start with the "
                                                        + MasterKey.ENV
                                                        + " it was created with, or delete it"));
        this.key = load(pkcs8);
    }

    public String issuer() {
        return issuer;
    }

    public SigningKey key() {
        return key;
    }

    public String issue(String poolId, String identityId, List<String> amr, Duration validity) {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", identityId);
        claims.put("aud", poolId);
        claims.put("amr", amr);
        claims.put("iss", issuer);
        claims.put("exp", now + validity.toSeconds());
        claims.put("iat", now);
        return Jwt.sign(json, key, claims);
    }

    /** The claims of a token this service issued, if {@code token} is one. */
    public Optional<JsonNode> verify(String token) {
        return Jwt.verify(json, key, token).filter(c -> issuer.equals(c.path("iss").asText()));
    }

    private static String generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Base64.getEncoder()
                    .encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SigningKey load(String pkcs8) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey =
                    (RSAPrivateCrtKey)
                            rsa.generatePrivate(
                                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8)));
            var publicKey =
                    rsa.generatePublic(
                            new RSAPublicKeySpec(
                                    privateKey.getModulus(), privateKey.getPublicExponent()));
            String kid = Base64.getEncoder().encodeToString(Srp.sha256(publicKey.getEncoded()));
            return new SigningKey(kid, new KeyPair(publicKey, privateKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
