package dev.gatehouse.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.auth.usageplan.ApiKeyDirectory;
import dev.gatehouse.auth.usageplan.ApiKeyProvisioner;
import dev.gatehouse.auth.usageplan.RedisTimeShift;
import dev.gatehouse.auth.usageplan.UsageDecision;
import dev.gatehouse.auth.usageplan.UsagePlanCatalog;
import dev.gatehouse.auth.usageplan.UsagePlanLimiter;
import dev.gatehouse.auth.usageplan.config.ApiKeysConfig;
import dev.gatehouse.auth.usageplan.config.MeteringConfig;
import dev.gatehouse.auth.usageplan.config.UsagePlansConfig;
import dev.gatehouse.auth.usageplan.controlplane.ApiKeyRecords;
import dev.gatehouse.auth.usageplan.controlplane.ApiKeyValueSeal;
import dev.gatehouse.auth.usageplan.controlplane.ConfigurationObjects;
import dev.gatehouse.auth.usageplan.controlplane.ControlPlaneStore;
import io.quarkus.redis.runtime.datasource.ReactiveRedisDataSourceImpl;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Gatehouse's usage-plan decision ({@link UsagePlanLimiter#decide}, one EVALSHA) against a live
 * Redis, with keys provisioned by the real {@link ApiKeyProvisioner}. The plan never refuses, so
 * every call does the full work: key lookup, token bucket, quota counter, daily usage.
 *
 * <p>{@code keys=1} sends every call, from every thread, to one key (one bucket, one quota counter:
 * the hot-key case); {@code keys=10000} picks one of 10,000 keys at random per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class GatehouseDecisionBenchmark {

    static final String API = "stores-service";
    static final String METHOD = "/stores/GET";

    /** Holds the logger so that its level survives garbage collection. */
    private static final Logger QUIET = Logger.getLogger("dev.gatehouse");

    @Param({"1", "10000"})
    public int keys;

    private BenchRedis redis;
    private Vertx vertx;
    private Redis client;
    private UsagePlanLimiter limiter;
    private String[] values;

    @Setup
    public void setUp() {
        // The provisioner logs one line per key; 10,000 of them would bury JMH's output.
        QUIET.setLevel(Level.WARNING);
        redis = BenchRedis.start();
        try {
            connectAndProvision();
        } catch (RuntimeException | Error e) {
            tearDown(); // JMH skips @TearDown when @Setup fails; no redis-server may outlive us
            throw e;
        }
    }

    private void connectAndProvision() {
        vertx = Vertx.vertx();
        // The pool the services are given (quarkus.redis.max-pool-size / max-pool-waiting).
        client =
                Redis.createClient(
                        vertx,
                        new RedisOptions()
                                .setConnectionString(redis.uri())
                                .setMaxPoolSize(32)
                                .setMaxPoolWaiting(4096));
        var dataSource = new ReactiveRedisDataSourceImpl(vertx, client, RedisAPI.api(client));

        values = new String[keys];
        Map<String, String> properties = new HashMap<>(BenchmarkPlan.gatehouseProperties());
        for (int i = 0; i < keys; i++) {
            values[i] = String.format("bench-key-value-%08d", i);
            properties.put("gatehouse.api-keys.k" + i + ".plan", BenchmarkPlan.NAME);
            properties.put("gatehouse.api-keys.k" + i + ".value", values[i]);
        }
        SmallRyeConfig config =
                new SmallRyeConfigBuilder()
                        .withMapping(UsagePlansConfig.class)
                        .withMapping(ApiKeysConfig.class)
                        .withMapping(MeteringConfig.class)
                        // Quarkus's "500ms"-style durations; plain SmallRye reads only ISO-8601.
                        .withConverter(Duration.class, 100, new DurationConverter())
                        .withSources(new PropertiesConfigSource(properties, "benchmark", 250))
                        .build();
        UsagePlanCatalog catalog =
                UsagePlanCatalog.from(
                        config.getConfigMapping(UsagePlansConfig.class),
                        config.getConfigMapping(ApiKeysConfig.class));
        MeteringConfig metering = config.getConfigMapping(MeteringConfig.class);
        ApiKeyDirectory directory = new ApiKeyDirectory();
        long start = System.nanoTime();
        ObjectMapper json = new ObjectMapper();
        ControlPlaneStore store = new ControlPlaneStore(dataSource, json, metering.auditLength());
        ConfigurationObjects fileObjects =
                new ConfigurationObjects(
                        store,
                        new ApiKeyRecords(dataSource, store),
                        catalog,
                        metering,
                        new ApiKeyValueSeal(Optional.empty()));
        new ApiKeyProvisioner(dataSource, catalog, directory, metering, json, fileObjects)
                .provision();
        System.out.printf(
                "%nprovisioned %d keys in %d ms%n",
                keys, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        limiter =
                new UsagePlanLimiter(dataSource, directory, catalog, metering, RedisTimeShift.NONE);
        // One decision per key loads the script (EVAL after NOSCRIPT) and creates every bucket,
        // quota counter and usage record, so that iterations measure the steady state.
        for (String value : values) {
            check(limiter.decide(value, METHOD).await().indefinitely());
        }
    }

    @Benchmark
    public UsageDecision decide() {
        String value = values[keys == 1 ? 0 : ThreadLocalRandom.current().nextInt(keys)];
        return check(limiter.decide(value, METHOD).await().indefinitely());
    }

    /** A refusal or a fail-open answer (timeout, open circuit) would measure something else. */
    private static UsageDecision check(UsageDecision decision) {
        if (decision.outcome() != UsageDecision.Outcome.ALLOWED) {
            throw new IllegalStateException("expected ALLOWED, got " + decision);
        }
        return decision;
    }

    @TearDown
    public void tearDown() {
        try {
            System.out.printf("%nredis calls: %s%n", redis.commandCalls());
            if (client != null) {
                client.close();
            }
            if (vertx != null) {
                vertx.closeAndAwait();
            }
            // Mutiny's default pools (the decision's timeout timer) have non-daemon threads that
            // would hold the forked JVM for JMH's 30 s grace period. Each trial has its own fork.
            Infrastructure.getDefaultWorkerPool().shutdownNow();
            if (Infrastructure.getDefaultExecutor() instanceof ExecutorService executor) {
                executor.shutdownNow();
            }
        } finally {
            redis.close();
        }
    }
}
