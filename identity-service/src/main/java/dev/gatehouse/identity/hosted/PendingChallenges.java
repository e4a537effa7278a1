package dev.gatehouse.identity.hosted;

import dev.gatehouse.identity.pool.AppClient;
import dev.gatehouse.identity.pool.RandomIds;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.pool.config.IdentityConfig;
import dev.gatehouse.identity.srp.Srp;
import dev.gatehouse.identity.user.UserKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * A sign-in on the hosted page that ended in a challenge ({@code NEW_PASSWORD_REQUIRED} for a user
 * an administrator created): the challenge's {@code Session} stays in Redis under a random handle,
 * and only the handle goes to the browser, in the {@code gatehouse-challenge} cookie ({@code
 * HttpOnly}, {@code SameSite=Lax}) — never the password, never in a URL. Alive as long as the
 * challenge itself ({@code AuthSessionValidity}, on the service's clock and as the key's TTL); this
 * class is the only one that knows the key.
 *
 * <p>Used by: {@code /login} (hold) and the {@code /forceChangePassword} page (find, release).
 */
@ApplicationScoped
public class PendingChallenges {

    public static final String COOKIE = "gatehouse-challenge";

    /**
     * An open challenge: its name ({@code NEW_PASSWORD_REQUIRED}), the {@code Session} to answer it
     * with, the user's internal name and the client it was started for.
     */
    public record PendingChallenge(
            String challengeName, String session, String username, String clientId) {}

    private final RedisDataSource redis;
    private final HashCommands<String, String, String> hashes;
    private final UserKeys keys;
    private final Duration validity;
    private final Clock clock;

    PendingChallenges(RedisDataSource redis, UserPool pool, IdentityConfig config, Clock clock) {
        this.redis = redis;
        this.clock = clock;
        this.hashes = redis.hash(String.class);
        this.keys = new UserKeys(pool.id());
        this.validity = config.tokens().authSessionValidity();
    }

    /** Keeps the challenge; the cookie that carries its handle. */
    public NewCookie hold(
            String challengeName,
            String session,
            String username,
            AppClient client,
            HttpServerRequest http) {
        String handle = Base64.getUrlEncoder().withoutPadding().encodeToString(RandomIds.bytes(32));
        String key = key(handle);
        hashes.hset(
                key,
                Map.of(
                        "challenge", challengeName,
                        "session", session,
                        "username", username,
                        "client", client.id(),
                        "expires", Long.toString(clock.instant().plus(validity).toEpochMilli())));
        redis.key().expire(key, validity);
        return HostedCookies.set(COOKIE, handle, validity, HostedCookies.secure(http));
    }

    /** The challenge the request's cookie names, if it is still open. */
    public Optional<PendingChallenge> find(HttpServerRequest http) {
        return HostedCookies.read(http, COOKIE)
                .map(handle -> hashes.hgetall(key(handle)))
                .filter(stored -> stored != null && stored.containsKey("session"))
                .filter(stored -> open(stored.get("expires")))
                .map(
                        stored ->
                                new PendingChallenge(
                                        stored.get("challenge"),
                                        stored.get("session"),
                                        stored.get("username"),
                                        stored.get("client")));
    }

    /** Forgets the request's challenge (answered or abandoned); the cookie that clears it. */
    public NewCookie release(HttpServerRequest http) {
        HostedCookies.read(http, COOKIE).ifPresent(handle -> redis.key().del(key(handle)));
        return HostedCookies.clear(COOKIE, HostedCookies.secure(http));
    }

    /** Within {@code AuthSessionValidity} on the service's clock, not only Redis's TTL. */
    private boolean open(String expires) {
        return expires != null && clock.millis() < Long.parseLong(expires);
    }

    private String key(String handle) {
        return keys.prefix()
                + "pending-challenge:"
                + HexFormat.of().formatHex(Srp.sha256(handle.getBytes(StandardCharsets.UTF_8)));
    }
}
