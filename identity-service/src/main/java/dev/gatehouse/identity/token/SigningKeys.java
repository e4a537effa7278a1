package dev.gatehouse.identity.token;

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
 * different kids). Generated at first start and kept in Redis (HSETNX, so concurrent first starts
 * agree); every later start loads the same keys, so tokens survive restarts.
 */
@ApplicationScoped
public class SigningKeys {

    public record Pair(SigningKey id, SigningKey access) {
        public List<SigningKey> all() {
            return List.of(id, access);
        }
    }

    @Produces
    @Singleton
    @Startup
    public Pair keys(RedisDataSource redis, UserPool pool) {
        HashCommands<String, String, String> hash = redis.hash(String.class);
        String key = new UserKeys(pool.id()).signingKeys();
        Map<String, String> stored = hash.hgetall(key);
        for (String use : List.of("id", "access")) {
            if (!stored.containsKey(use)) {
                hash.hsetnx(key, use, encode(generate()));
            }
        }
        stored = hash.hgetall(key);
        return new Pair(load(stored.get("id")), load(stored.get("access")));
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
