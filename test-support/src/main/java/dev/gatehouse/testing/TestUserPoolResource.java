package dev.gatehouse.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts a {@link TestUserPool} for a Quarkus test and points {@code gatehouse.cognito.*} at it.
 * The test reaches the same pool through {@link #pool()}.
 */
public class TestUserPoolResource implements QuarkusTestResourceLifecycleManager {

    private static volatile TestUserPool pool;

    public static TestUserPool pool() {
        return pool;
    }

    @Override
    public Map<String, String> start() {
        pool = TestUserPool.start();
        return Map.of(
                "gatehouse.cognito.issuer",
                pool.issuer(),
                "gatehouse.cognito.client-ids",
                TestUserPool.WEB_CLIENT,
                "gatehouse.cognito.jwks-refresh-cooldown",
                "500ms",
                "gatehouse.cognito.jwks-timeout",
                "2s");
    }

    @Override
    public void stop() {
        if (pool != null) {
            pool.close();
        }
    }
}
