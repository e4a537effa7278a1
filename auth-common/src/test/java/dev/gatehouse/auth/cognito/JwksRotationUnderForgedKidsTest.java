package dev.gatehouse.auth.cognito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.auth.cognito.config.CognitoConfig.TokenUse;
import dev.gatehouse.testing.TestUserPool;
import dev.gatehouse.testing.TestUserPool.PoolKey;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.mutiny.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A key rotation never answers 401, whatever tokens with unknown kids arrive meanwhile: a real
 * rotation of a JWKS served over HTTP ({@link TestUserPool}), fetched by the authorizer's own
 * downloader, under a steady trickle of tokens signed with keys that are never published. The
 * forged tokens are refused within the cooldown plus one download, never by timing out.
 */
class JwksRotationUnderForgedKidsTest {

    private static final TokenRequirement ID_TOKEN =
            new TokenRequirement(TokenUse.ID, Set.of(TestUserPool.WEB_CLIENT), Set.of());

    private TestUserPool pool;
    private Vertx vertx;

    @BeforeEach
    void start() {
        pool = TestUserPool.start();
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() {
        vertx.closeAndAwait();
        pool.close();
    }

    private CognitoAuthorizer authorizer(Duration cooldown, Duration timeout) {
        JwksDownloader downloader =
                new JwksDownloader(
                        vertx.createHttpClient(new HttpClientOptions()),
                        pool.issuer() + "/.well-known/jwks.json",
                        timeout);
        // Warm the client (class loading, first connection) so that the bounds below measure
        // the refresh logic, not a cold JVM on a busy machine.
        downloader.get().await().atMost(Duration.ofSeconds(30));
        return new CognitoAuthorizer(
                new TokenVerifier(pool.issuer(), Duration.ofSeconds(60), Clock.systemUTC()),
                new JwksKeys(downloader, cooldown, timeout),
                Duration.ZERO,
                100,
                16384,
                Clock.systemUTC());
    }

    /** A call's outcome and how long it was held. */
    record Timed(VerifiedToken token, long millis) {}

    private static CompletableFuture<Timed> call(CognitoAuthorizer authorizer, String token) {
        long start = System.nanoTime();
        return authorizer
                .authorize(token, ID_TOKEN)
                .map(v -> new Timed(v, (System.nanoTime() - start) / 1_000_000))
                .subscribeAsCompletionStage();
    }

    @ParameterizedTest(name = "cooldown {0} ms, download timeout {1} ms")
    @CsvSource({"1000, 3000", "5000, 3000"})
    void rotationUnderATrickleOfUnknownKidsAnswersNo401(long cooldownMillis, long timeoutMillis)
            throws Exception {
        CognitoAuthorizer authorizer =
                authorizer(Duration.ofMillis(cooldownMillis), Duration.ofMillis(timeoutMillis));
        assertNotNull(call(authorizer, pool.idToken()).get(5, TimeUnit.SECONDS).token());
        List<CompletableFuture<Timed>> forged = new ArrayList<>();
        List<CompletableFuture<Timed>> rotated = new ArrayList<>();
        PoolKey newKey = null;
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2 * cooldownMillis + 4000);
        for (int tick = 0; System.nanoTime() < end; tick++) {
            forged.add(
                    call(
                            authorizer,
                            TestUserPool.sign(
                                    TestUserPool.newKey(),
                                    pool.idClaims(TestUserPool.WEB_CLIENT))));
            if (tick == 6) {
                newKey = pool.rotate();
            }
            if (newKey != null) {
                rotated.add(
                        call(
                                authorizer,
                                TestUserPool.sign(newKey, pool.idClaims(TestUserPool.WEB_CLIENT))));
            }
            Thread.sleep(250);
        }
        long bound = cooldownMillis + 1500;
        for (CompletableFuture<Timed> call : rotated) {
            Timed t = call.get(bound + 1000, TimeUnit.MILLISECONDS);
            assertNotNull(t.token(), "a token signed with the rotated key was refused");
            assertTrue(t.millis() <= bound, "rotated token held " + t.millis() + " ms");
        }
        long longest = 0;
        for (CompletableFuture<Timed> call : forged) {
            Timed t = call.get(bound + 1000, TimeUnit.MILLISECONDS);
            assertNull(t.token(), "a forged kid was accepted");
            longest = Math.max(longest, t.millis());
        }
        assertTrue(
                longest <= bound,
                "a forged token held " + longest + " ms, past the cooldown and one download");
        int downloads = pool.downloads();
        assertTrue(downloads >= 2, "downloads: " + downloads);
        long seconds = 2 * cooldownMillis / 1000 + 5;
        assertTrue(
                downloads <= 2 + seconds * 1000 / cooldownMillis,
                "at most one download per cooldown: " + downloads);
        assertEquals(0, rotated.stream().filter(c -> c.join().token() == null).count());
    }
}
