package dev.gatehouse.identity.quota;

import dev.gatehouse.auth.api.RedisScript;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.pool.config.IdentityConfig;
import dev.gatehouse.identity.protocol.CognitoErrors;
import dev.gatehouse.identity.user.UserKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/**
 * The per-category request quotas of the user pool API (AWS answers {@code
 * TooManyRequestsException: Rate exceeded} past them): one token bucket per category in Redis, on
 * Redis's clock, shared by every instance. The only owner of {@code
 * lua/identity-service/identity-request-quota.lua} (its KEYS, ARGV and reply).
 */
@ApplicationScoped
public class RequestQuotas {

    private static final RedisScript SCRIPT =
            RedisScript.fromClasspath("lua/identity-service/identity-request-quota.lua");
    private static final Duration REDIS_WAIT = Duration.ofSeconds(5);

    private final ReactiveRedisDataSource redis;
    private final UserKeys keys;
    private final IdentityConfig.RequestQuotasConfig config;

    RequestQuotas(ReactiveRedisDataSource redis, UserPool pool, IdentityConfig config) {
        this.redis = redis;
        this.keys = new UserKeys(pool.id());
        this.config = config.requestQuotas();
    }

    /**
     * Counts one call of {@code operation} (blocking: the dispatcher runs on a worker thread), or
     * throws {@code TooManyRequestsException} when its category has no room this second.
     */
    public void admit(String operation) {
        if (!config.enabled()) {
            return;
        }
        RequestCategory category = RequestCategory.of(operation).orElse(null);
        if (category == null) {
            return;
        }
        int admitted =
                SCRIPT.run(
                                redis,
                                List.of(keys.requestQuota(category.awsName())),
                                List.of(Integer.toString(Math.max(1, category.rate(config)))))
                        .await()
                        .atMost(REDIS_WAIT)
                        .toInteger();
        if (admitted == 0) {
            throw CognitoErrors.tooManyRequests();
        }
    }
}
