package dev.gatehouse.identity.auth;

import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.pool.config.IdentityConfig;
import dev.gatehouse.identity.protocol.CognitoErrors;
import dev.gatehouse.identity.user.UserKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;

/**
 * Cognito's brute-force protection (spec 1.3.1): after 5 consecutive failures the user is locked
 * for 1 s, doubling with each further failure up to 15 min; attempts during a lock answer {@code
 * Password attempts exceeded} and do not extend it; 15 quiet minutes reset the count.
 */
@ApplicationScoped
public class SignInLockout {

    static final String EXCEEDED = "Password attempts exceeded";

    private final RedisDataSource redis;
    private final HashCommands<String, String, String> hashes;
    private final UserKeys keys;
    private final IdentityConfig.LockoutConfig config;
    private final Clock clock;

    SignInLockout(RedisDataSource redis, UserPool pool, IdentityConfig config, Clock clock) {
        this.redis = redis;
        this.clock = clock;
        this.hashes = redis.hash(String.class);
        this.keys = new UserKeys(pool.id());
        this.config = config.lockout();
    }

    public void checkNotLocked(String username) {
        String lockedUntil = hashes.hget(keys.failures(username), "lockedUntil");
        if (lockedUntil != null && Long.parseLong(lockedUntil) > clock.millis()) {
            throw CognitoErrors.notAuthorized(EXCEEDED);
        }
    }

    public void recordFailure(String username) {
        String key = keys.failures(username);
        long failures = hashes.hincrby(key, "count", 1);
        if (failures >= config.failuresBeforeLock()) {
            long exponent = Math.min(30, failures - config.failuresBeforeLock());
            long lockMillis = Math.min(1000L << exponent, config.maximumLock().toMillis());
            hashes.hset(key, Map.of("lockedUntil", Long.toString(clock.millis() + lockMillis)));
        }
        redis.key().expire(key, config.resetAfter());
    }

    public void reset(String username) {
        redis.key().del(keys.failures(username));
    }
}
