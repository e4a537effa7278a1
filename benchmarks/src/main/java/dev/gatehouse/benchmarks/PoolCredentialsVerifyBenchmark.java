package dev.gatehouse.benchmarks;

import dev.gatehouse.auth.iam.IamAuthorizer;
import dev.gatehouse.auth.iam.IamOutcome;
import dev.gatehouse.auth.iam.IamRequest;
import dev.gatehouse.auth.iam.ReplayGuard;
import dev.gatehouse.auth.iam.config.IamConfig;
import dev.gatehouse.auth.iam.credentials.AccessKey;
import dev.gatehouse.auth.iam.credentials.AccessKeyStore;
import dev.gatehouse.auth.iam.credentials.PrincipalCatalog;
import dev.gatehouse.auth.iam.credentials.SecretCipher;
import dev.gatehouse.auth.iam.credentials.SessionAttributes;
import dev.gatehouse.auth.iam.credentials.SessionCredentials;
import dev.gatehouse.auth.iam.credentials.TemporaryCredentials;
import dev.gatehouse.auth.sigv4.SigV4Verifier;
import dev.gatehouse.auth.sigv4.SignedRequest;
import io.quarkus.redis.runtime.datasource.ReactiveRedisDataSourceImpl;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * The IAM authorizer's whole in-memory decision (SigV4 parse and verify, credential checks, policy
 * evaluation) for {@code GET /profiles/<identityId>}, signed by the AWS SDK v2 signer with a
 * long-term key and with identity-pool credentials (temporary key, session token, web-identity
 * context, a role policy on {@code ${cognito-identity.amazonaws.com:sub}}). Both keys are cached,
 * so each call must be decided without Redis: {@code authorizeFromMemory} returns empty otherwise,
 * and the benchmark fails. Redis's command counts are printed at teardown.
 *
 * <p>The group {@code paired} runs both decisions at the same time, one thread each, so that every
 * measurement iteration sees the same machine load for both: {@link PoolCredentialsRatio} reads the
 * per-iteration pairs from JMH's JSON and prints their ratio with a confidence interval ({@code
 * benchmarks/pool-ratio.sh} does both).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar PoolCredentialsVerify -wi 2 -i 3 -w 2s -r 3s -f 1
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class PoolCredentialsVerifyBenchmark {

    static final String REGION = "us-east-1";
    static final String AKID = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String IDENTITY = "us-east-1:7e3b1a2c-0000-4000-8000-1234567890ab";
    static final String RESOURCE =
            "arn:aws:execute-api:us-east-1:123456789012:stores-service/dev/GET/profiles/"
                    + IDENTITY;

    private BenchRedis redis;
    private Vertx vertx;
    private IamAuthorizer authorizer;
    private IamRequest longTerm;
    private IamRequest pool;

    @Setup
    public void setUp() {
        redis = BenchRedis.start();
        try {
            prepare();
        } catch (RuntimeException | Error e) {
            tearDown();
            throw e;
        }
    }

    private void prepare() {
        vertx = Vertx.vertx();
        Redis client =
                Redis.createClient(vertx, new RedisOptions().setConnectionString(redis.uri()));
        var dataSource = new ReactiveRedisDataSourceImpl(vertx, client, RedisAPI.api(client));
        Map<String, String> properties = new HashMap<>();
        properties.put("gatehouse.iam.master-key", "dGVzdC1tYXN0ZXIta2V5LW9mLWV4YWN0bHktMzJieXQ=");
        properties.put("gatehouse.iam.api-id", "stores-service");
        // Plain SmallRye here expands no ${...}: the defaults that refer to other keys are given.
        properties.put("gatehouse.iam.account-id", "123456789012");
        properties.put("gatehouse.iam.region", REGION);
        properties.put("gatehouse.iam.policy-dir", ".");
        properties.put("gatehouse.iam.principals.user.arn", "arn:aws:iam::123456789012:user/user");
        properties.put(
                "gatehouse.iam.principals.user.policy",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                        + "\"execute-api:Invoke\",\"Resource\":\"arn:aws:execute-api:*:*:"
                        + "stores-service/*/*/profiles/*\"}]}");
        properties.put(
                "gatehouse.iam.principals.pool-role.arn",
                "arn:aws:iam::123456789012:role/pool-role");
        properties.put(
                "gatehouse.iam.principals.pool-role.policy",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                        + "\"execute-api:Invoke\",\"Resource\":\"arn:aws:execute-api:*:*:"
                        + "stores-service/*/*/profiles/${cognito-identity.amazonaws.com:sub}\"}]}");
        SmallRyeConfig config =
                new SmallRyeConfigBuilder()
                        .withMapping(IamConfig.class)
                        .withConverter(Duration.class, 100, new DurationConverter())
                        .withSources(new PropertiesConfigSource(properties, "benchmark", 250))
                        .build();
        IamConfig iam = config.getConfigMapping(IamConfig.class);
        PrincipalCatalog catalog = PrincipalCatalog.from(iam);
        AccessKeyStore keys =
                new AccessKeyStore(
                        dataSource, SecretCipher.fromBase64(iam.masterKey()), Duration.ofHours(1));
        keys.put(
                        new AccessKey(
                                AKID,
                                SECRET,
                                "user",
                                "arn:aws:iam::123456789012:user/user",
                                null,
                                null),
                        null)
                .await()
                .indefinitely();
        SessionCredentials session;
        try {
            session =
                    new TemporaryCredentials(keys, catalog, Clock.systemUTC())
                            .issue(
                                    "pool-role",
                                    "CognitoIdentityCredentials",
                                    Duration.ofHours(1),
                                    SessionAttributes.of(
                                            Map.of(
                                                    "cognito-identity.amazonaws.com:aud",
                                                    List.of(
                                                            "us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"),
                                                    "cognito-identity.amazonaws.com:sub",
                                                    List.of(IDENTITY),
                                                    "cognito-identity.amazonaws.com:amr",
                                                    List.of("authenticated")),
                                            Optional.of("cognito-idp.example/p"),
                                            Optional.empty()))
                            .await()
                            .indefinitely();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        authorizer =
                new IamAuthorizer(
                        REGION,
                        true,
                        keys,
                        catalog,
                        Clock.systemUTC(),
                        Duration.ofSeconds(1),
                        Optional.empty(),
                        new ReplayGuard(dataSource, Clock.systemUTC(), Duration.ofSeconds(1)));
        longTerm = request(AwsCredentialsIdentity.create(AKID, SECRET));
        pool =
                request(
                        AwsSessionCredentialsIdentity.create(
                                session.accessKeyId(),
                                session.secretAccessKey(),
                                session.sessionToken()));
        longTermKey();
        poolCredentials();
        System.out.printf("%nRedis commands after setup: %s%n", redis.commandCalls());
    }

    static IamRequest request(AwsCredentialsIdentity identity) {
        SdkHttpRequest signed =
                AwsV4HttpSigner.create()
                        .sign(
                                r ->
                                        r.identity(identity)
                                                .request(
                                                        SdkHttpRequest.builder()
                                                                .method(SdkHttpMethod.GET)
                                                                .uri(
                                                                        URI.create(
                                                                                "http://127.0.0.1:8081/profiles/"
                                                                                        + IDENTITY))
                                                                .putHeader(
                                                                        "Accept",
                                                                        "application/json")
                                                                .build())
                                                .putProperty(AwsV4HttpSigner.REGION_NAME, REGION)
                                                .putProperty(
                                                        AwsV4HttpSigner.SERVICE_SIGNING_NAME,
                                                        SigV4Verifier.EXECUTE_API))
                        .request();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        signed.forEachHeader(
                (name, values) ->
                        headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(values)));
        headers.put("host", List.of("127.0.0.1:8081"));
        return new IamRequest(
                new SignedRequest("GET", signed.encodedPath(), "", headers, new byte[0]),
                "execute-api:Invoke",
                RESOURCE,
                "127.0.0.1",
                false);
    }

    @Benchmark
    public IamOutcome longTermKey() {
        return allowed(authorizer.authorizeFromMemory(longTerm));
    }

    @Benchmark
    public IamOutcome poolCredentials() {
        return allowed(authorizer.authorizeFromMemory(pool));
    }

    /** {@link #longTermKey}, run beside {@link #pairedPoolCredentials} in the same iterations. */
    @Benchmark
    @Group("paired")
    @GroupThreads(1)
    public IamOutcome pairedLongTermKey() {
        return longTermKey();
    }

    /** {@link #poolCredentials}, run beside {@link #pairedLongTermKey} in the same iterations. */
    @Benchmark
    @Group("paired")
    @GroupThreads(1)
    public IamOutcome pairedPoolCredentials() {
        return poolCredentials();
    }

    private static IamOutcome allowed(Optional<IamOutcome> outcome) {
        if (outcome.isEmpty()) {
            throw new IllegalStateException("needed Redis");
        }
        if (outcome.get() instanceof IamOutcome.Rejected rejected) {
            throw new IllegalStateException(rejected.rejection().body());
        }
        return outcome.get();
    }

    @TearDown
    public void tearDown() {
        if (redis != null) {
            System.out.printf("%nRedis commands at teardown: %s%n", redis.commandCalls());
            redis.close();
        }
        if (vertx != null) {
            vertx.closeAndAwait();
        }
    }
}
