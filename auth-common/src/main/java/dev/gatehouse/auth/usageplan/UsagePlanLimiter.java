package dev.gatehouse.auth.usageplan;

import dev.gatehouse.auth.api.RedisScript;
import dev.gatehouse.auth.usageplan.UsageDecision.Outcome;
import dev.gatehouse.auth.usageplan.config.MeteringConfig;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a request with a given API key may proceed: one EVALSHA of {@code
 * usage-plan-decide.lua} (shared by the concurrent requests of the same key and route, see {@link
 * DecisionBatches}), bounded by a short timeout and a circuit breaker. When Redis cannot answer,
 * the key's plan decides: fail open (serve, count the miss) or fail closed (503). A key that
 * Gatehouse never provisioned is refused even then.
 */
public class UsagePlanLimiter {

    private static final RedisScript DECIDE =
            RedisScript.fromClasspath("lua/usage-plan-decide.lua");

    private final ReactiveRedisDataSource redis;
    private final ApiKeyDirectory directory;
    private final UsagePlanCatalog catalog;
    private final String api;
    private final Duration timeout;
    private final String retentionDays;
    private final RedisCircuitBreaker circuit;
    private volatile long clockOffsetSeconds;
    private final Map<String, List<String>> recordFields = new ConcurrentHashMap<>();
    private final DecisionBatches batches = new DecisionBatches();

    public UsagePlanLimiter(
            ReactiveRedisDataSource redis,
            ApiKeyDirectory directory,
            UsagePlanCatalog catalog,
            MeteringConfig config) {
        this.redis = redis;
        this.directory = directory;
        this.catalog = catalog;
        this.api = config.apiName();
        this.timeout = config.redisTimeout();
        this.retentionDays = Integer.toString(config.usageRetentionDays());
        this.circuit =
                new RedisCircuitBreaker(
                        config.circuitFailureThreshold(),
                        config.circuitOpenFor(),
                        System::nanoTime);
    }

    /**
     * Decides for a key value already checked for shape ({@link ApiKeyHeader}), on the method key
     * {@code /path/METHOD}.
     */
    public Uni<UsageDecision> decide(String keyValue, String methodKey) {
        String sha256 = ApiKeyHash.sha256(keyValue);
        if (!circuit.allowsCall()) {
            return Uni.createFrom().item(() -> withoutRedis(sha256));
        }
        List<String> keys = List.of(UsageKeys.record(sha256));
        return batches.submit(
                        sha256 + '|' + methodKey + '|' + eventLoop(),
                        n ->
                                DECIDE.run(redis, keys, arguments(methodKey, n))
                                        .ifNoItem()
                                        .after(timeout)
                                        .fail()
                                        .map(reply -> UsageDecision.fromBatch(reply, n))
                                        .invoke(circuit::onSuccess))
                .onFailure()
                .recoverWithItem(
                        failure -> {
                            circuit.onFailure();
                            Log.warnf(
                                    "usage plan check failed (%s); applying the plan's"
                                            + " Redis-unavailable policy",
                                    failure.toString());
                            return withoutRedis(sha256);
                        });
    }

    /**
     * Batches are kept per event loop: the reply then completes every waiting request on its own
     * thread, with no hand-over between loops. Callers off the event loops share one batch.
     */
    private static String eventLoop() {
        return Context.isOnEventLoopThread() ? Long.toString(Thread.currentThread().getId()) : "";
    }

    /**
     * Script arguments: route, clock offset, retention, the 16 record fields to read, and how many
     * requests the call decides.
     */
    private List<String> arguments(String methodKey, int requests) {
        List<String> fields = recordFields.computeIfAbsent(methodKey, this::fields);
        List<String> args = new ArrayList<>(4 + fields.size());
        args.add(methodKey);
        args.add(Long.toString(clockOffsetSeconds));
        args.add(retentionDays);
        args.addAll(fields);
        args.add(Integer.toString(requests));
        return args;
    }

    private List<String> fields(String methodKey) {
        List<String> fields = new ArrayList<>(16);
        for (String scope : List.of(api, UsagePlan.ALL_APIS)) {
            String p = "a|" + scope + "|";
            for (String field :
                    List.of(
                            "plan",
                            "rate",
                            "burst",
                            "limit",
                            "offset",
                            "period",
                            "m|" + methodKey + "|rate",
                            "m|" + methodKey + "|burst")) {
                fields.add(p + field);
            }
        }
        return List.copyOf(fields);
    }

    private UsageDecision withoutRedis(String sha256) {
        return directory
                .find(sha256)
                .filter(ApiKeyDirectory.KnownKey::enabled)
                .flatMap(
                        key ->
                                key.planFor(api)
                                        .flatMap(catalog::plan)
                                        .map(
                                                plan ->
                                                        UsageDecision.of(
                                                                plan.failOpen()
                                                                        ? Outcome
                                                                                .SERVED_WITHOUT_LIMITS
                                                                        : Outcome.UNAVAILABLE,
                                                                key.id(),
                                                                plan.name())))
                .orElseGet(() -> UsageDecision.of(Outcome.FORBIDDEN));
    }

    /** Shifts the time the decision script uses, to test period boundaries without waiting. */
    public void clockOffset(Duration offset) {
        this.clockOffsetSeconds = offset.toSeconds();
    }

    public boolean circuitOpen() {
        return circuit.isOpen();
    }
}
