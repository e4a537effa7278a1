package dev.gatehouse.benchmarks;

import dev.gatehouse.auth.iam.ReplayGuard;
import dev.gatehouse.auth.sigv4.SignatureClaim;
import io.quarkus.redis.runtime.datasource.ReactiveRedisDataSourceImpl;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What replay protection adds to one signed request, measured in the same run as the request
 * without it: {@code withoutReplayProtection} is SigV4 verification alone (in memory, warm key
 * cache, as {@link SigV4VerifyBenchmark#warmKeyCache}); {@code withReplayProtection} is the same
 * plus {@link ReplayGuard#firstUse} of a signature never seen before (one {@code SET NX PX} round
 * trip to a private redis-server on loopback), as every request on a protected route pays.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ReplayProtection -wi 2 -i 5 -w 2s -r 3s -f 1
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ReplayProtectionBenchmark {

    private final SigV4VerifyBenchmark verification = new SigV4VerifyBenchmark();
    private final AtomicLong sequence = new AtomicLong();
    private BenchRedis redis;
    private Vertx vertx;
    private Redis client;
    private ReplayGuard guard;

    @Setup
    public void setUp() {
        verification.signOnce();
        redis = BenchRedis.start();
        try {
            vertx = Vertx.vertx();
            client =
                    Redis.createClient(
                            vertx,
                            new RedisOptions()
                                    .setConnectionString(redis.uri())
                                    .setMaxPoolSize(32)
                                    .setMaxPoolWaiting(4096));
            guard =
                    new ReplayGuard(
                            new ReactiveRedisDataSourceImpl(vertx, client, RedisAPI.api(client)),
                            Clock.systemUTC(),
                            Duration.ofSeconds(1));
        } catch (RuntimeException | Error e) {
            tearDown();
            throw e;
        }
    }

    @Benchmark
    public SignatureClaim withoutReplayProtection() {
        return verification.warmKeyCache();
    }

    @Benchmark
    public boolean withReplayProtection() {
        SignatureClaim claim = verification.warmKeyCache();
        // The fixed test request always carries one signature; a real stream carries a new one per
        // request, and only a first use costs the full SET (a repeat is refused as cheaply).
        SignatureClaim fresh =
                new SignatureClaim(
                        claim.accessKeyId(),
                        claim.amzDate(),
                        claim.scopeDate(),
                        claim.region(),
                        claim.service(),
                        claim.signedHeaders(),
                        HexFormat.of().toHexDigits(sequence.incrementAndGet()).repeat(4),
                        claim.securityToken(),
                        claim.presigned(),
                        Instant.now().plusSeconds(300));
        if (!guard.firstUse(fresh).await().indefinitely()) {
            throw new IllegalStateException("a fresh signature was taken for a replay");
        }
        return true;
    }

    @TearDown
    public void tearDown() {
        try {
            if (client != null) {
                client.close();
            }
            if (vertx != null) {
                vertx.closeAndAwait();
            }
            Infrastructure.getDefaultWorkerPool().shutdownNow();
            if (Infrastructure.getDefaultExecutor() instanceof ExecutorService executor) {
                executor.shutdownNow();
            }
        } finally {
            if (redis != null) {
                redis.close();
            }
        }
    }
}
