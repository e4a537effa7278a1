package dev.gatehouse.identity.hosted;

import dev.gatehouse.identity.pool.RandomIds;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.pool.config.IdentityConfig;
import dev.gatehouse.identity.srp.Srp;
import dev.gatehouse.identity.user.User;
import dev.gatehouse.identity.user.UserKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The pool's login session: after a sign-in on the hosted pages, the browser holds a random value
 * in the {@code cognito} cookie (as Cognito names it; {@code HttpOnly}, {@code SameSite=Lax},
 * {@code Secure} over HTTPS) and {@code /oauth2/authorize} lets it through without the page until
 * the session ends ({@code gatehouse.identity.hosted.login-session-validity}, Cognito: 1 hour) or
 * {@code /logout} ends it. Redis holds only the value's SHA-256 with who signed in and when, under
 * a TTL; this class is the only one that knows that key.
 *
 * <p>Used by: {@link HostedSignIn} (start), {@code /oauth2/authorize} (find), {@code /logout}
 * (end).
 */
@ApplicationScoped
public class LoginSessions {

    /** The cookie, named as Cognito's managed login names it. */
    public static final String COOKIE = "cognito";

    /** Who signed in, and when ({@code auth_time}, epoch seconds). */
    public record LoginSession(String username, String sub, long authTime) {}

    private final RedisDataSource redis;
    private final HashCommands<String, String, String> hashes;
    private final UserKeys keys;
    private final Duration validity;

    LoginSessions(RedisDataSource redis, UserPool pool, IdentityConfig config) {
        this.redis = redis;
        this.hashes = redis.hash(String.class);
        this.keys = new UserKeys(pool.id());
        this.validity = config.hosted().loginSessionValidity();
    }

    /** A new session for {@code user}, signed in at {@code authTime}; its cookie. */
    public NewCookie start(User user, long authTime, HttpServerRequest http) {
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(RandomIds.bytes(32));
        String key = key(value);
        hashes.hset(
                key,
                Map.of(
                        "username", user.username(),
                        "sub", user.sub(),
                        "authTime", Long.toString(authTime)));
        redis.key().expire(key, validity);
        return HostedCookies.set(COOKIE, value, validity, HostedCookies.secure(http));
    }

    /** The session the request's cookie stands for, if it is still open. */
    public Optional<LoginSession> find(HttpServerRequest http) {
        return HostedCookies.read(http, COOKIE)
                .map(value -> hashes.hgetall(key(value)))
                .filter(stored -> stored != null && stored.containsKey("username"))
                .map(
                        stored ->
                                new LoginSession(
                                        stored.get("username"),
                                        stored.get("sub"),
                                        Long.parseLong(stored.get("authTime"))));
    }

    /** Ends the request's session (if any); the cookie that removes it from the browser. */
    public NewCookie end(HttpServerRequest http) {
        HostedCookies.read(http, COOKIE).ifPresent(value -> redis.key().del(key(value)));
        return HostedCookies.clear(COOKIE, HostedCookies.secure(http));
    }

    private String key(String value) {
        return keys.prefix()
                + "login-session:"
                + HexFormat.of().formatHex(Srp.sha256(value.getBytes(StandardCharsets.UTF_8)));
    }
}
