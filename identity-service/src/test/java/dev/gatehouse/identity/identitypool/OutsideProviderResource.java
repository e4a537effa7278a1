package dev.gatehouse.identity.identitypool;

import dev.gatehouse.testing.TestUserPool;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * An outside OpenID Connect provider with its own keys and JWKS (test-support's {@link
 * TestUserPool}), declared as {@code AWS::IAM::OIDCProvider} and trusted by two pools: {@code app}
 * maps its logins with rules (email {@code vip@example.com} gets app-premium), {@code mapped} with
 * the token's {@code cognito:preferred_role} and {@code Deny} when the token names none. The pool
 * {@code dev} has a developer provider.
 */
public class OutsideProviderResource implements QuarkusTestResourceLifecycleManager {

    static final String MAPPED_POOL = "us-east-1:22222222-3333-4444-5555-666666666666";
    static final String DEV_POOL = "us-east-1:33333333-4444-5555-6666-777777777777";
    private static volatile TestUserPool provider;

    static TestUserPool provider() {
        return provider;
    }

    static String host() {
        return provider.issuer().replaceFirst("^https?://", "");
    }

    @Override
    public Map<String, String> start() {
        provider = TestUserPool.start();
        String arn = "arn:aws:iam::123456789012:oidc-provider/" + host();
        Map<String, String> config = new HashMap<>();
        config.put("gatehouse.oidc-providers.providers.outside.url", provider.issuer());
        config.put(
                "gatehouse.oidc-providers.providers.outside.client-id-list",
                TestUserPool.WEB_CLIENT);
        config.put(
                "gatehouse.oidc-providers.providers.outside.jwks-uri",
                provider.issuer() + "/.well-known/jwks.json");
        String app = "gatehouse.identity-pools.pools.app.";
        config.put(app + "open-id-connect-provider-arns", arn);
        config.put(app + "role-mappings.outside.identity-provider", host());
        config.put(app + "role-mappings.outside.type", "Rules");
        config.put(app + "role-mappings.outside.ambiguous-role-resolution", "AuthenticatedRole");
        config.put(app + "role-mappings.outside.rules[0].claim", "email");
        config.put(app + "role-mappings.outside.rules[0].match-type", "Equals");
        config.put(app + "role-mappings.outside.rules[0].value", "vip@example.com");
        config.put(
                app + "role-mappings.outside.rules[0].role-arn",
                "arn:aws:iam::123456789012:role/app-premium");
        String mapped = "gatehouse.identity-pools.pools.mapped.";
        config.put(mapped + "identity-pool-id", MAPPED_POOL);
        config.put(mapped + "open-id-connect-provider-arns", arn);
        config.put(mapped + "roles.authenticated", "arn:aws:iam::123456789012:role/app-premium");
        config.put(mapped + "role-mappings.outside.identity-provider", host());
        config.put(mapped + "role-mappings.outside.type", "Token");
        config.put(mapped + "role-mappings.outside.ambiguous-role-resolution", "Deny");
        String dev = "gatehouse.identity-pools.pools.dev.";
        config.put(dev + "identity-pool-id", DEV_POOL);
        config.put(dev + "developer-provider-name", "login.gatehouse.example");
        config.put(dev + "roles.authenticated", "arn:aws:iam::123456789012:role/app-premium");
        return config;
    }

    @Override
    public void stop() {
        if (provider != null) {
            provider.close();
        }
    }
}
