package dev.gatehouse.auth.usageplan;

import dev.gatehouse.auth.api.RedisScript;
import dev.gatehouse.auth.usageplan.UsageDecision.Outcome;
import dev.gatehouse.auth.usageplan.config.MeteringConfig;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Decides whether a request with a given API key may proceed: one EVALSHA of {@code
 * usage-plan-decide.lua} (shared by the concurrent requests of the same key and route, see {@link
 * DecisionBatches}), bounded by a short timeout and a circuit breaker. When Redis cannot answer,
 * the key's plan decides: fail open (serve, count the miss) or fail closed (503). A key that
 * Gatehouse never provisioned is refused even then.
 *
 * <p>This class is the script's one Java owner: it builds its KEYS and ARGV (documented position by
 * position in the script's header) and {@link UsageDecision#fromBatch} decodes its reply. The
 * script decides on Redis's {@code TIME}, moved only by the injected {@link RedisTimeShift}.
 */
public class UsagePlanLimiter {

    private static final RedisScript DECIDE =
            RedisScript.fromClasspath("lua/auth-common/usage-plan-decide.lua");

    private final EventLoopConnections redis;
    private final ApiKeyDirectory directory;
    private final UsagePlanCatalog catalog;
    private final String api;
    private final String apiStage;
    private final Duration timeout;
    private final String retentionDays;
    private final RedisCircuitBreaker circuit;
    private final RedisTimeShift shift;
    private final Map<String, List<String>> recordFields = new ConcurrentHashMap<>();
    private final DecisionBatches batches = new DecisionBatches();

    public UsagePlanLimiter(
            ReactiveRedisDataSource redis,
            ApiKeyDirectory directory,
            UsagePlanCatalog catalog,
            MeteringConfig config,
            RedisTimeShift shift) {
        this.shift = shift;
        this.redis = new EventLoopConnections(redis.getRedis());
        this.directory = directory;
        this.catalog = catalog;
        this.api = config.apiName();
        this.apiStage = config.apiName() + ":" + config.stage();
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
        return DecisionBatches.asUni(then -> decide(keyValue, methodKey, then));
    }

    /**
     * The same, for the request path: {@code then} receives the decision (Redis failures are
     * already turned into the plan's outage decision) on the event loop that read the reply, with
     * no reactive pipeline per request.
     */
    public void decide(
            String keyValue, String methodKey, BiConsumer<UsageDecision, Throwable> then) {
        String sha256 = ApiKeyHash.sha256(keyValue);
        if (!circuit.allowsCall()) {
            then.accept(withoutRedis(sha256), null);
            return;
        }
        List<String> keys = List.of(UsageKeys.record(sha256));
        // Batches are kept per event loop (the batch key names the loop's thread): the reply then
        // completes every waiting request on its own thread, with no hand-over between loops.
        // Callers off the event loops share one batch.
        Context loop = Context.isOnEventLoopThread() ? Vertx.currentContext() : null;
        batches.submit(
                sha256
                        + '|'
                        + methodKey
                        + '|'
                        + (loop == null ? "" : Thread.currentThread().getId()),
                n ->
                        DECIDE.run(
                                        request -> redis.send(request, timeout),
                                        keys,
                                        arguments(methodKey, n))
                                .map(reply -> remembered(sha256, UsageDecision.fromBatch(reply, n)))
                                .invoke(circuit::onSuccess)
                                .onFailure()
                                .recoverWithItem(failure -> withoutRedis(sha256, failure, n)),
                loop == null ? Runnable::run : task -> loop.runOnContext(ignored -> task.run()),
                then);
    }

    private List<UsageDecision> remembered(String sha256, List<UsageDecision> decisions) {
        UsageDecision first = decisions.get(0);
        if (first.outcome() == Outcome.FORBIDDEN) {
            directory.forget(sha256);
        } else {
            directory.remember(sha256, first.keyId(), api, first.plan());
        }
        return decisions;
    }

    /** One failed call, however many requests it decided, counts once towards the circuit. */
    private List<UsageDecision> withoutRedis(String sha256, Throwable failure, int requests) {
        circuit.onFailure();
        Log.warnf(
                "usage plan check failed (%s); applying the plan's Redis-unavailable policy",
                failure.toString());
        return Collections.nCopies(requests, withoutRedis(sha256));
    }

    /**
     * The script's ARGV (its header documents each position): route, the shift of Redis's time in
     * seconds ({@link RedisTimeShift}, 0 in production), days of usage to keep, the 16 record
     * fields to read, and how many requests the call decides.
     */
    private List<String> arguments(String methodKey, int requests) {
        List<String> fields = recordFields.computeIfAbsent(methodKey, this::fields);
        List<String> args = new ArrayList<>(4 + fields.size());
        args.add(methodKey);
        args.add(Long.toString(shift.shift().toSeconds()));
        args.add(retentionDays);
        args.addAll(fields);
        args.add(Integer.toString(requests));
        return args;
    }

    private List<String> fields(String methodKey) {
        List<String> fields = new ArrayList<>(16);
        for (String scope : List.of(apiStage, UsagePlan.ALL_APIS)) {
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
                                        .map(
                                                plan ->
                                                        UsageDecision.of(
                                                                failsOpen(plan)
                                                                        ? Outcome
                                                                                .SERVED_WITHOUT_LIMITS
                                                                        : Outcome.UNAVAILABLE,
                                                                key.id(),
                                                                plan)))
                .orElseGet(() -> UsageDecision.of(Outcome.FORBIDDEN));
    }

    /**
     * A configured plan's policy; plans created through the management API fail open, as AWS
     * documents for its own usage-plan check.
     */
    private boolean failsOpen(String plan) {
        return catalog.plan(plan).map(UsagePlan::failOpen).orElse(true);
    }

    public boolean circuitOpen() {
        return circuit.isOpen();
    }
}
