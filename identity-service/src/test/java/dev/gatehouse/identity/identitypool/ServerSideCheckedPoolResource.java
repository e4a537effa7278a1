package dev.gatehouse.identity.identitypool;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A pool {@code checked} whose provider entry (the user pool's {@code tester} client) sets {@code
 * ServerSideTokenCheck}; the pool {@code app} takes the same client without it.
 */
public class ServerSideCheckedPoolResource implements QuarkusTestResourceLifecycleManager {

    static final String CHECKED_POOL = "us-east-1:44444444-5555-6666-7777-888888888888";

    @Override
    public Map<String, String> start() {
        String checked = "gatehouse.identity-pools.pools.checked.";
        return Map.of(
                checked + "identity-pool-id", CHECKED_POOL,
                checked + "cognito-identity-providers.tester.client-id", "tester",
                checked + "cognito-identity-providers.tester.server-side-token-check", "true",
                checked + "roles.authenticated", "arn:aws:iam::123456789012:role/app-premium");
    }

    @Override
    public void stop() {
        // configuration only
    }
}
