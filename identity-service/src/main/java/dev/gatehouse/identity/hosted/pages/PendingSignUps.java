package dev.gatehouse.identity.hosted.pages;

import dev.gatehouse.identity.pool.RandomIds;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.pool.config.IdentityConfig;
import dev.gatehouse.identity.srp.Srp;
import dev.gatehouse.identity.user.UserKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The browser that signed a user up, remembered until the code is confirmed: a random handle in a
 * cookie, its SHA-256 in Redis ({@code hosted-signup:<hash>}, a hash of username, client and the
 * masked destination of the code, with the sign-up code's validity as TTL). Confirming the code in
 * that browser signs the user in, as Cognito's pages do; confirming it anywhere else confirms only,
 * and the user signs in at /login. The only owner of these keys.
 */
@ApplicationScoped
public class PendingSignUps {

    /** The cookie holding the handle. */
    public static final String COOKIE = "gatehouse-signup";

    private final RedisDataSource redis;
    private final HashCommands<String, String, String> hashes;
    private final UserKeys keys;
    private final Duration validity;

    PendingSignUps(RedisDataSource redis, UserPool pool, IdentityConfig config) {
        this.redis = redis;
        this.hashes = redis.hash(String.class);
        this.keys = new UserKeys(pool.id());
        this.validity = config.codes().signUpValidity();
    }

    /** A sign-up waiting for its code: who, and where the code went ({@code a***@e***}). */
    public record Pending(String username, String destination) {}

    /** A user just signed up through {@code clientId}: the handle for the browser's cookie. */
    public String remember(String username, String clientId, String destination) {
        String handle = Base64.getUrlEncoder().withoutPadding().encodeToString(RandomIds.bytes(32));
        String key = key(handle);
        hashes.hset(
                key, Map.of("username", username, "client", clientId, "destination", destination));
        redis.key().expire(key, validity);
        return handle;
    }

    /** How long the cookie should live: as long as the record. */
    public Duration validity() {
        return validity;
    }

    /** The sign-up made in this browser through {@code clientId}, if the handle is live. */
    public Optional<Pending> find(String handle, String clientId) {
        if (handle == null || handle.isEmpty() || handle.length() > 64) {
            return Optional.empty();
        }
        Map<String, String> stored = hashes.hgetall(key(handle));
        if (stored == null
                || !clientId.equals(stored.get("client"))
                || stored.get("username") == null) {
            return Optional.empty();
        }
        return Optional.of(
                new Pending(stored.get("username"), stored.getOrDefault("destination", "")));
    }

    /** The handle is used up (the user is confirmed). */
    public void forget(String handle) {
        if (handle != null && !handle.isEmpty() && handle.length() <= 64) {
            redis.key().del(key(handle));
        }
    }

    private String key(String handle) {
        byte[] hash = Srp.sha256(handle.getBytes(StandardCharsets.UTF_8));
        return keys.prefix() + "hosted-signup:" + HexFormat.of().formatHex(hash);
    }
}
