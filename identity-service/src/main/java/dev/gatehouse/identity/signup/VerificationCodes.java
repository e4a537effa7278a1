package dev.gatehouse.identity.signup;

import dev.gatehouse.auth.api.MasterKey;
import dev.gatehouse.identity.pool.RandomIds;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.user.UserKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Six-digit codes from a CSPRNG, one live code per purpose and user (a new one supersedes the old),
 * expiring with the key's TTL; and the hourly per-user counters behind Cognito's quotas. Redis
 * holds only an HMAC-SHA256 of each code (purpose, user and code, under a key derived from the
 * suite's master key, which Redis never sees), so a dump of Redis yields no usable code; a code
 * offered is compared by its HMAC in constant time. Beside the HMAC Redis keeps the code's expiry,
 * judged on the service's clock (the injected {@link Clock}), so that the expiry a user sees does
 * not depend on when Redis gets round to dropping the key, and a test can move time instead of
 * waiting.
 */
@ApplicationScoped
public class VerificationCodes {

    public enum Check {
        MATCH,
        MISMATCH,
        EXPIRED
    }

    /** Separates the stored HMAC (hex) from the expiry (epoch seconds). */
    private static final String EXPIRY = ";";

    private final RedisDataSource redis;
    private final ValueCommands<String, String> values;
    private final UserKeys keys;
    private final SecretKeySpec digestKey;
    private final Clock clock;

    VerificationCodes(RedisDataSource redis, UserPool pool, MasterKey masterKey, Clock clock) {
        this.redis = redis;
        this.clock = clock;
        this.values = redis.value(String.class);
        this.keys = new UserKeys(pool.id());
        this.digestKey =
                new SecretKeySpec(
                        hmac(
                                masterKey.hmacSha256Key(),
                                "gatehouse identity verification codes " + pool.id()),
                        "HmacSHA256");
    }

    /** A new code for {@code purpose} of the user, superseding any earlier one; returned once. */
    public String issue(String purpose, String username, Duration validity) {
        String code = RandomIds.code();
        long expiresAt = clock.instant().plus(validity).getEpochSecond();
        values.setex(
                keys.code(purpose, username),
                validity.toSeconds(),
                digest(purpose, username, code) + EXPIRY + expiresAt);
        return code;
    }

    public Check check(String purpose, String username, String code) {
        Optional<String> stored = Optional.ofNullable(values.get(keys.code(purpose, username)));
        if (stored.isEmpty()) {
            return Check.EXPIRED;
        }
        String[] parts = stored.get().split(EXPIRY, 2);
        if (parts.length == 2 && clock.instant().getEpochSecond() >= Long.parseLong(parts[1])) {
            return Check.EXPIRED;
        }
        boolean same =
                MessageDigest.isEqual(
                        parts[0].getBytes(StandardCharsets.US_ASCII),
                        digest(purpose, username, code).getBytes(StandardCharsets.US_ASCII));
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

    private String digest(String purpose, String username, String code) {
        return HexFormat.of()
                .formatHex(hmac(digestKey, purpose + "\n" + UserKeys.fold(username) + "\n" + code));
    }

    private static byte[] hmac(SecretKeySpec key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }
}
