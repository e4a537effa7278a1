package dev.gatehouse.identity.token;

import dev.gatehouse.auth.api.MasterKey;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.srp.Srp;
import dev.gatehouse.identity.user.UserKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The pool's two RSA keys, one for ID tokens and one for access tokens (as Cognito signs them with
 * different kids). Generated at first start and kept in Redis sealed with AES-256-GCM under the
 * suite's master key ({@code GATEHOUSE_IAM_MASTER_KEY}, as the IAM secrets are), the Redis field
 * name bound as associated data. HSETNX makes concurrent first starts agree; every later start
 * opens the same keys, so tokens survive restarts. Keys stored in the clear by an earlier version
 * are sealed in place on the first start that finds them.
 */
@ApplicationScoped
public class SigningKeys {

    private static final List<String> USES = List.of("id", "access");
    private static final String SEALED = ".sealed";

    public record Pair(SigningKey id, SigningKey access) {
        public List<SigningKey> all() {
            return List.of(id, access);
        }
    }

    @Produces
    @Singleton
    @Startup
    public Pair keys(RedisDataSource redis, UserPool pool, MasterKey masterKey) {
        HashCommands<String, String, String> hash = redis.hash(String.class);
        String key = new UserKeys(pool.id()).signingKeys();
        Map<String, String> stored = hash.hgetall(key);
        for (String use : USES) {
            if (stored.containsKey(use + SEALED)) {
                continue;
            }
            String pkcs8 = stored.containsKey(use) ? stored.get(use) : encode(generate());
            hash.hsetnx(key, use + SEALED, masterKey.seal(aad(key, use), pkcs8));
            hash.hdel(key, use);
        }
        stored = hash.hgetall(key);
        return new Pair(open(masterKey, key, stored, "id"), open(masterKey, key, stored, "access"));
    }

    private static SigningKey open(
            MasterKey masterKey, String key, Map<String, String> stored, String use) {
        String pkcs8 =
                masterKey
                        .open(aad(key, use), stored.get(use + SEALED))
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "the token signing keys in Redis ("
                                                        + key
                                                        + ") were sealed under another master"
                                                        + " key: start with the "
                                                        + MasterKey.ENV
                                                        + " they were created with, or delete"
                                                        + " that hash to mint new keys (issued"
                                                        + " tokens then stop verifying)"));
        return load(pkcs8);
    }

    private static String aad(String key, String use) {
        return key + ":" + use;
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(KeyPair pair) {
        return Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
    }

    private static SigningKey load(String pkcs8) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey privateKey =
                    rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8)));
            RSAPrivateCrtKey crt = (RSAPrivateCrtKey) privateKey;
            var publicKey =
                    rsa.generatePublic(
                            new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            String kid = Base64.getEncoder().encodeToString(Srp.sha256(publicKey.getEncoded()));
            return new SigningKey(kid, new KeyPair(publicKey, privateKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
