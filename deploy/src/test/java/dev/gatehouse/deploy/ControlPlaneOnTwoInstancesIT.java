package dev.gatehouse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.redis.local.FreePort;
import dev.gatehouse.redis.local.RedisServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.QuotaPeriodType;

/**
 * Issue 18's run-time control plane on two stores-service processes (the packaged jar, started
 * twice) sharing one real Redis: a key created, disabled, moved to another plan or deleted through
 * the API Gateway control plane of the first instance (the AWS SDK v2 {@code ApiGatewayClient}) is
 * honoured by the second on its next request, under concurrent signed + keyed {@code GET /stores}
 * traffic; and a quota is exact over both instances at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ControlPlaneOnTwoInstancesIT {

    static final SecureRandom RANDOM = new SecureRandom();

    Path dir;
    RedisServer redis;
    StoresInstance first;
    StoresInstance second;
    ApiGatewayClient control;
    SignedStoresCalls calls;

    record Seen(long startedNanos, long doneNanos, int status) {}

    @BeforeAll
    void startTwoInstancesOnOneRedis(@TempDir Path dir) throws Exception {
        this.dir = dir;
        redis = RedisServer.startOnFreePort(Files.createDirectories(dir.resolve("redis")));
        String accessKeyId = "AKIA" + random("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
        String secret =
                random("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 40);
        Path config = dir.resolve("suite.properties");
        Files.writeString(
                config,
                """
                gatehouse.region=us-east-1
                gatehouse.account-id=123456789012
                gatehouse.iam.principals.operator.arn=arn:aws:iam::123456789012:user/operator
                gatehouse.iam.principals.operator.access-key-id=${OPERATOR_ACCESS_KEY_ID}
                gatehouse.iam.principals.operator.secret-access-key=${OPERATOR_SECRET_ACCESS_KEY}
                gatehouse.iam.principals.operator.policy={"Version":"2012-10-17","Statement":[\
                {"Effect":"Allow","Action":"apigateway:*","Resource":"arn:aws:apigateway:*::/*"},\
                {"Effect":"Allow","Action":"execute-api:Invoke",\
                "Resource":"arn:aws:execute-api:*:*:stores-service/*/GET/stores*"}]}
                """);
        byte[] masterKey = new byte[32];
        RANDOM.nextBytes(masterKey);
        int[] ports = FreePort.pick(5);
        Map<String, String> env =
                Map.of(
                        "GATEHOUSE_CONFIG",
                        config.toString(),
                        "QUARKUS_REDIS_HOSTS",
                        "redis://127.0.0.1:" + redis.port(),
                        "GATEHOUSE_IAM_MASTER_KEY",
                        Base64.getEncoder().encodeToString(masterKey),
                        "OPERATOR_ACCESS_KEY_ID",
                        accessKeyId,
                        "OPERATOR_SECRET_ACCESS_KEY",
                        secret,
                        "GATEHOUSE_COGNITO_ENABLED",
                        "false",
                        "GATEHOUSE_STORES_EVENTS_RELAY",
                        "false",
                        // A run-time plan fails open, as AWS does: on a machine so loaded that a
                        // decision takes 500 ms, the outage policy would serve beyond the quota.
                        // This test is about exactness; a slow Redis is FaultsUnderLoadIT's.
                        "GATEHOUSE_METERING_REDIS_TIMEOUT",
                        "15s",
                        // Nothing listens there: no event leaves this test.
                        "QUARKUS_REST_CLIENT_FANOUT_URL",
                        "http://127.0.0.1:" + ports[4]);
        // The first seeds the catalogue before the second starts, as the launcher does.
        first = StoresInstance.start("stores-1", dir, ports[0], ports[1], env);
        first.awaitReady(Duration.ofMinutes(3));
        second = StoresInstance.start("stores-2", dir, ports[2], ports[3], env);
        second.awaitReady(Duration.ofMinutes(3));
        control =
                ApiGatewayClient.builder()
                        .endpointOverride(URI.create(first.managementUrl()))
                        .region(Region.US_EAST_1)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create(accessKeyId, secret)))
                        .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
                        .httpClient(ApacheHttpClient.create())
                        .build();
        calls = new SignedStoresCalls(accessKeyId, secret);
    }

    @AfterAll
    void stopEverything() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {control, second, first, redis}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void everyChangeThroughOneInstanceHoldsOnTheOtherFromItsNextRequest() throws Exception {
        String value = random("abcdefghijklmnopqrstuvwxyz0123456789", 40);
        String large = plan("large", 1_000_000);
        String empty = plan("empty", 0);
        ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService traffic = Executors.newFixedThreadPool(4);
        List<Future<?>> senders = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            senders.add(
                    traffic.submit(
                            () -> {
                                while (running.get()) {
                                    long started = System.nanoTime();
                                    int status = calls.get(second.url("/stores"), value);
                                    seen.add(new Seen(started, System.nanoTime(), status));
                                }
                                return null;
                            }));
        }
        try {
            awaitTraffic(seen, Long.MIN_VALUE, senders);
            long creating = System.nanoTime();
            String id = control.createApiKey(r -> r.name("moving").enabled(true).value(value)).id();
            control.createUsagePlanKey(r -> r.usagePlanId(large).keyId(id).keyType("API_KEY"));
            long created = System.nanoTime();
            awaitTraffic(seen, created, senders);

            long disabling = System.nanoTime();
            control.updateApiKey(
                    r ->
                            r.apiKey(id)
                                    .patchOperations(
                                            p -> p.op(Op.REPLACE).path("/enabled").value("false")));
            long disabled = System.nanoTime();
            awaitTraffic(seen, disabled, senders);

            long moving = System.nanoTime();
            control.updateApiKey(
                    r ->
                            r.apiKey(id)
                                    .patchOperations(
                                            p -> p.op(Op.REPLACE).path("/enabled").value("true")));
            control.deleteUsagePlanKey(r -> r.usagePlanId(large).keyId(id));
            control.createUsagePlanKey(r -> r.usagePlanId(empty).keyId(id).keyType("API_KEY"));
            long moved = System.nanoTime();
            awaitTraffic(seen, moved, senders);

            long deleting = System.nanoTime();
            control.deleteApiKey(r -> r.apiKey(id));
            long deleted = System.nanoTime();
            awaitTraffic(seen, deleted, senders);
            running.set(false);
            traffic.shutdown();
            assertTrue(traffic.awaitTermination(30, TimeUnit.SECONDS));

            check(seen, Long.MIN_VALUE, creating, s -> s == 403, "before the key exists");
            check(seen, created, disabling, s -> s == 200, "created and in plan large");
            check(seen, disabled, moving, s -> s == 403, "disabled");
            check(seen, moved, deleting, s -> s == 429, "moved to the plan with no quota left");
            check(seen, deleted, Long.MAX_VALUE, s -> s == 403, "deleted");
            System.out.printf(
                    "ControlPlaneOnTwoInstancesIT: the other instance's first answer showing the"
                            + " change: created %s; disabled %s; moved %s; deleted %s; %d"
                            + " requests%n",
                    delay(seen, creating, created, 200),
                    delay(seen, disabling, disabled, 403),
                    delay(seen, moving, moved, 429),
                    delay(seen, deleting, deleted, 403),
                    seen.size());
        } finally {
            running.set(false);
            traffic.shutdownNow();
        }
    }

    @Test
    void aQuotaIsExactOverConcurrentRequestsSplitBetweenBothInstances() throws Exception {
        int limit = 40;
        int requests = 160;
        String value = random("abcdefghijklmnopqrstuvwxyz0123456789", 40);
        String plan = plan("exact", limit);
        String id = control.createApiKey(r -> r.name("exact").enabled(true).value(value)).id();
        control.createUsagePlanKey(r -> r.usagePlanId(plan).keyId(id).keyType("API_KEY"));
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            StoresInstance target = i % 2 == 0 ? first : second;
            answers.add(clients.submit(() -> calls.get(target.url("/stores"), value)));
        }
        int[] byInstance = new int[2];
        int allowed = 0;
        int refused = 0;
        for (int i = 0; i < requests; i++) {
            int status = answers.get(i).get(60, TimeUnit.SECONDS);
            if (status == 200) {
                allowed++;
                byInstance[i % 2]++;
            } else if (status == 429) {
                refused++;
            }
        }
        clients.shutdown();
        String failOpen =
                "served by the fail-open policy (first / second): "
                        + first.failOpenCount(id)
                        + " / "
                        + second.failOpenCount(id);
        assertEquals(limit, allowed, "exactly the quota, over both instances; " + failOpen);
        assertEquals(requests - limit, refused, "every other request 429");
        assertTrue(
                byInstance[0] > 0 && byInstance[1] > 0,
                "both instances admitted part of the quota: "
                        + byInstance[0]
                        + "/"
                        + byInstance[1]);
        System.out.printf(
                "ControlPlaneOnTwoInstancesIT: quota %d over %d concurrent requests: %d + %d"
                        + " allowed by the two instances, %d refused%n",
                limit, requests, byInstance[0], byInstance[1], refused);
    }

    private String plan(String name, long quota) {
        return control.createUsagePlan(
                        r ->
                                r.name(name)
                                        .quota(
                                                q ->
                                                        q.limit((int) quota)
                                                                .period(QuotaPeriodType.MONTH))
                                        .apiStages(s -> s.apiId("stores-service").stage("dev")))
                .id();
    }

    /** Waits until 20 requests started after {@code since} have been answered. */
    private static void awaitTraffic(
            ConcurrentLinkedQueue<Seen> seen, long since, List<Future<?>> senders)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (seen.stream().filter(s -> s.startedNanos() > since).count() < 20) {
            for (Future<?> sender : senders) {
                if (sender.isDone()) {
                    sender.get(); // a sender that failed says why
                }
            }
            assertTrue(System.nanoTime() < deadline, "no traffic on the other instance");
            Thread.sleep(10);
        }
    }

    /** Every request started after {@code from} and answered before {@code to} is as expected. */
    private static void check(
            ConcurrentLinkedQueue<Seen> seen,
            long from,
            long to,
            IntPredicate expected,
            String phase) {
        List<Integer> window =
                seen.stream()
                        .filter(s -> s.startedNanos() > from && s.doneNanos() < to)
                        .map(Seen::status)
                        .toList();
        assertTrue(!window.isEmpty(), "traffic during phase " + phase);
        assertEquals(List.of(), window.stream().filter(s -> !expected.test(s)).toList(), phase);
    }

    /**
     * When the other instance first answered with {@code status} after the change: "X ms after its
     * first call was sent, Y ms after its last call's response" (Y is negative when the change was
     * in force before the operator had the response).
     */
    private static String delay(
            ConcurrentLinkedQueue<Seen> seen, long changing, long changed, int status) {
        long first =
                seen.stream()
                        .filter(s -> s.doneNanos() > changing && s.status() == status)
                        .mapToLong(Seen::doneNanos)
                        .min()
                        .orElseThrow();
        return String.format(
                "%.0f ms after sending, %.0f ms after the response",
                (first - changing) / 1e6, (first - changed) / 1e6);
    }

    private static String random(String alphabet, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
