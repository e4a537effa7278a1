package dev.gatehouse.identity.signup;

import dev.gatehouse.identity.pool.RandomIds;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.user.UserKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;

/**
 * Six-digit codes from a CSPRNG, one live code per purpose and user (a new one supersedes the old),
 * expiring with the key's TTL; and the hourly per-user counters behind Cognito's quotas.
 */
@ApplicationScoped
public class VerificationCodes {

    public enum Check {
        MATCH,
        MISMATCH,
        EXPIRED
    }

    private final RedisDataSource redis;
    private final ValueCommands<String, String> values;
    private final UserKeys keys;

    VerificationCodes(RedisDataSource redis, UserPool pool) {
        this.redis = redis;
        this.values = redis.value(String.class);
        this.keys = new UserKeys(pool.id());
    }

    public String issue(String purpose, String username, Duration validity) {
        String code = RandomIds.code();
        values.setex(keys.code(purpose, username), validity.toSeconds(), code);
        return code;
    }

    public Check check(String purpose, String username, String code) {
        Optional<String> stored = Optional.ofNullable(values.get(keys.code(purpose, username)));
        if (stored.isEmpty()) {
            return Check.EXPIRED;
        }
        boolean same =
                MessageDigest.isEqual(
                        stored.get().getBytes(StandardCharsets.UTF_8),
                        code.getBytes(StandardCharsets.UTF_8));
        return same ? Check.MATCH : Check.MISMATCH;
    }

    public void consume(String purpose, String username) {
        redis.key().del(keys.code(purpose, username));
    }

    /** Counts one {@code action} by the user; true once more than {@code limit} in the hour. */
    public boolean overHourlyLimit(String action, String username, int limit) {
        String key = keys.counter(action, username);
        long count = values.incr(key);
        if (count == 1) {
            redis.key().expire(key, Duration.ofHours(1));
        }
        return count > limit;
    }
}
