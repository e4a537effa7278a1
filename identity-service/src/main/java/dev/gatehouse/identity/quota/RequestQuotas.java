package dev.gatehouse.identity.quota;

import dev.gatehouse.auth.api.RedisScript;
import dev.gatehouse.identity.identitypool.config.IdentityPoolsConfig;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.pool.config.IdentityConfig;
import dev.gatehouse.identity.protocol.CognitoErrors;
import dev.gatehouse.identity.protocol.RequestAdmission;
import dev.gatehouse.identity.sts.StsAdmission;
import dev.gatehouse.identity.sts.StsConfig;
import dev.gatehouse.identity.user.UserKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/**
 * The request quotas of the three APIs this service speaks, as AWS answers past them: the user pool
 * API per category and the identity pool API per operation ({@code TooManyRequestsException: Rate
 * exceeded}), STS for all actions together (the caller answers {@code Throttling}). One token
 * bucket per quota in Redis, on Redis's clock, shared by every instance. The only owner of {@code
 * lua/identity-service/identity-request-quota.lua} (its KEYS, ARGV and reply).
 */
@ApplicationScoped
public class RequestQuotas implements RequestAdmission, StsAdmission {

    private static final RedisScript SCRIPT =
            RedisScript.fromClasspath("lua/identity-service/identity-request-quota.lua");
    private static final Duration REDIS_WAIT = Duration.ofSeconds(5);
    private static final String IDENTITY_POOL_PREFIX = "gatehouse:identitypool:request-quota:";
    private static final String STS_KEY = "gatehouse:sts:request-quota:{sts}";

    private final ReactiveRedisDataSource redis;
    private final UserKeys keys;
    private final IdentityConfig.RequestQuotasConfig config;
    private final IdentityPoolsConfig.RequestQuotas identityPools;
    private final int stsRate;

    RequestQuotas(
            ReactiveRedisDataSource redis,
            UserPool pool,
            IdentityConfig config,
            IdentityPoolsConfig identityPools,
            StsConfig sts) {
        this.redis = redis;
        this.keys = new UserKeys(pool.id());
        this.config = config.requestQuotas();
        this.identityPools = identityPools.requestQuotas();
        this.stsRate = sts.requestsPerSecond();
    }

    /**
     * Counts one call of the user pool API's {@code operation} (blocking: the dispatcher runs on a
     * worker thread), or throws {@code TooManyRequestsException} when its category has no room this
     * second.
     */
    @Override
    public void admit(String operation) {
        if (!config.enabled()) {
            return;
        }
        RequestCategory category = RequestCategory.of(operation).orElse(null);
        if (category != null
                && !take(keys.requestQuota(category.awsName()), category.rate(config))) {
            throw CognitoErrors.tooManyRequests();
        }
    }

    /** Counts one call of the identity pool API's {@code operation}, as {@link #admit} does. */
    @Override
    public void admitIdentityPool(String operation) {
        if (!identityPools.enabled()) {
            return;
        }
        IdentityPoolRequestQuota quota = IdentityPoolRequestQuota.of(operation, identityPools);
        if (!take(IDENTITY_POOL_PREFIX + "{" + quota.operation() + "}", quota.rate())) {
            throw CognitoErrors.tooManyRequests();
        }
    }

    /** Counts one STS request: false when STS has no room this second. */
    @Override
    public boolean admitSts() {
        return stsRate <= 0 || take(STS_KEY, stsRate);
    }

    private boolean take(String bucket, int rate) {
        return SCRIPT.run(redis, List.of(bucket), List.of(Integer.toString(Math.max(1, rate))))
                        .await()
                        .atMost(REDIS_WAIT)
                        .toInteger()
                == 1;
    }
}
