package dev.gatehouse.identity.token;

import dev.gatehouse.identity.pool.AppClient;
import dev.gatehouse.identity.pool.RandomIds;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.pool.config.IdentityConfig;
import dev.gatehouse.identity.srp.Srp;
import dev.gatehouse.identity.user.User;
import dev.gatehouse.identity.user.UserKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Opaque refresh tokens: 48 random bytes handed to the client, only their SHA-256 stored (with the
 * grant they stand for and a TTL of the refresh validity). A leaked Redis dump yields no usable
 * token.
 */
@ApplicationScoped
public class RefreshTokens {

    /**
     * What a refresh token stands for: the original sign-in, and the scopes it was granted (empty
     * for an API sign-in, whose tokens carry only {@code aws.cognito.signin.user.admin}).
     */
    public record Grant(
            String username,
            String sub,
            String clientId,
            long authTime,
            String originJti,
            long issuedAt,
            boolean revoked,
            Optional<String> scope) {}

    private final HashCommands<String, String, String> hashes;
    private final RedisDataSource redis;
    private final UserKeys keys;
    private final Duration validity;
    private final Duration accessValidity;

    RefreshTokens(RedisDataSource redis, UserPool pool, IdentityConfig config) {
        this.redis = redis;
        this.hashes = redis.hash(String.class);
        this.keys = new UserKeys(pool.id());
        this.validity = config.tokens().refreshTokenValidity();
        this.accessValidity =
                max(config.tokens().accessTokenValidity(), config.tokens().idTokenValidity());
    }

    public String issue(User user, AppClient client, long authTime, String originJti) {
        return issue(user, client, authTime, originJti, Optional.empty());
    }

    /** A refresh token of an OAuth 2.0 sign-in, which keeps the granted {@code scope}. */
    public String issue(
            User user, AppClient client, long authTime, String originJti, Optional<String> scope) {
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(RandomIds.bytes(48));
        String key = keys.refreshToken(hash(token));
        Map<String, String> fields = new HashMap<>();
        fields.put("username", user.username());
        fields.put("sub", user.sub());
        fields.put("client", client.id());
        fields.put("authTime", Long.toString(authTime));
        fields.put("originJti", originJti);
        fields.put("issuedAt", Long.toString(authTime));
        scope.ifPresent(s -> fields.put("scope", s));
        hashes.hset(key, fields);
        redis.key().expire(key, validity);
        return token;
    }

    public Optional<Grant> find(String token) {
        Map<String, String> stored = hashes.hgetall(keys.refreshToken(hash(token)));
        if (stored == null || stored.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new Grant(
                        stored.get("username"),
                        stored.get("sub"),
                        stored.get("client"),
                        Long.parseLong(stored.get("authTime")),
                        stored.get("originJti"),
                        Long.parseLong(stored.get("issuedAt")),
                        "true".equals(stored.get("revoked")),
                        Optional.ofNullable(stored.get("scope"))));
    }

    /**
     * RevokeToken: the refresh token stops working (it is kept, marked, so a later use is told it
     * was revoked) and so do the access tokens minted from it, found by their {@code origin_jti}
     * until the last of them has expired anyway.
     */
    public void revoke(String token, Grant grant) {
        hashes.hset(keys.refreshToken(hash(token)), "revoked", "true");
        redis.value(String.class)
                .setex(keys.revokedOrigin(grant.originJti()), accessValidity.toSeconds(), "1");
    }

    /** Whether the sign-in {@code originJti} stands for was revoked by RevokeToken. */
    public boolean originRevoked(String originJti) {
        return originJti != null
                && !originJti.isEmpty()
                && redis.key().exists(keys.revokedOrigin(originJti));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    static String hash(String token) {
        return HexFormat.of().formatHex(Srp.sha256(token.getBytes(StandardCharsets.UTF_8)));
    }
}
