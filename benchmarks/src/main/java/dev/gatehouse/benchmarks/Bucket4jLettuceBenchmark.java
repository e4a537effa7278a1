package dev.gatehouse.benchmarks;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
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
 * The reference point: bucket4j's Redis backend over Lettuce (its compare-and-swap proxy manager,
 * one shared connection as Lettuce recommends), {@code tryConsume(1)} on a bucket with the same
 * capacity and greedy refill as Gatehouse's plan. It does only the token bucket: no key lookup, no
 * quota, no usage record. Same key distributions as {@link GatehouseDecisionBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class Bucket4jLettuceBenchmark {

    @Param({"1", "10000"})
    public int keys;

    private BenchRedis redis;
    private RedisClient client;
    private StatefulRedisConnection<byte[], byte[]> connection;
    private BucketProxy[] buckets;

    @Setup
    public void setUp() {
        redis = BenchRedis.start();
        try {
            client = RedisClient.create(redis.uri());
            connection = client.connect(ByteArrayCodec.INSTANCE);
            ProxyManager<byte[]> proxies =
                    Bucket4jLettuce.casBasedBuilder(connection)
                            // bucket4j's own "time to refill from the current level" would
                            // expire a nearly full bucket after 1 s, so that most of 10,000
                            // keys would be re-created (SET), not updated: use Gatehouse's.
                            .expirationAfterWrite(
                                    ExpirationAfterWriteStrategy.fixedTimeToLive(
                                            BenchmarkPlan.BUCKET_TTL))
                            .build();
            BucketConfiguration plan =
                    BucketConfiguration.builder()
                            .addLimit(
                                    limit ->
                                            limit.capacity(BenchmarkPlan.BURST)
                                                    .refillGreedy(
                                                            BenchmarkPlan.RATE_PER_SECOND,
                                                            Duration.ofSeconds(1)))
                            .build();
            // Proxies are local handles; building them up front keeps that out of the timing.
            // The first call on each creates its bucket in Redis, so that iterations measure the
            // steady state, as on the Gatehouse side.
            buckets = new BucketProxy[keys];
            for (int i = 0; i < keys; i++) {
                byte[] key = ("bucket4j:k" + i).getBytes(StandardCharsets.UTF_8);
                buckets[i] = proxies.builder().build(key, () -> plan);
                check(buckets[i].tryConsume(1));
            }
        } catch (RuntimeException | Error e) {
            tearDown(); // JMH skips @TearDown when @Setup fails; no redis-server may outlive us
            throw e;
        }
    }

    @Benchmark
    public boolean tryConsume() {
        BucketProxy bucket = buckets[keys == 1 ? 0 : ThreadLocalRandom.current().nextInt(keys)];
        return check(bucket.tryConsume(1));
    }

    /** A refusal would measure something else than the allowed path Gatehouse is measured on. */
    private static boolean check(boolean consumed) {
        if (!consumed) {
            throw new IllegalStateException("the bucket ran dry; the comparison needs allows");
        }
        return true;
    }

    @TearDown
    public void tearDown() {
        try {
            System.out.printf("%nredis calls: %s%n", redis.commandCalls());
            if (connection != null) {
                connection.close();
            }
            if (client != null) {
                client.shutdown();
            }
        } finally {
            redis.close();
        }
    }
}
