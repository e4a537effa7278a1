package dev.gatehouse.identity.hosted.pages;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The pool of the page tests: its name, and three app clients of the code grant, {@code pages}
 * ({@code PreventUserExistenceErrors=ENABLED}), {@code legacy} (LEGACY) and {@code confidential}
 * (with a secret, as a server-side web app's client is), with one callback.
 */
public class HostedPagesProfile implements QuarkusTestProfile {

    static final String POOL_NAME = "Acme Stores";
    static final String CALLBACK = "https://app.example.com/callback";

    /** A PKCE verifier and its S256 challenge (RFC 7636 appendix B). */
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new java.util.HashMap<>();
        config.put("gatehouse.identity.pool-name", POOL_NAME);
        client(config, "pages", "ENABLED");
        client(config, "legacy", "LEGACY");
        client(config, "confidential", "ENABLED");
        config.put("gatehouse.identity.clients.confidential.generate-secret", "true");
        return config;
    }

    private static void client(Map<String, String> config, String name, String existence) {
        String prefix = "gatehouse.identity.clients." + name + ".";
        config.put(prefix + "explicit-auth-flows", "ALLOW_USER_SRP_AUTH,ALLOW_REFRESH_TOKEN_AUTH");
        config.put(prefix + "prevent-user-existence-errors", existence);
        config.put(prefix + "allowed-oauth-flows-user-pool-client", "true");
        config.put(prefix + "allowed-oauth-flows", "code");
        config.put(prefix + "allowed-oauth-scopes", "openid,email,profile");
        config.put(prefix + "callback-urls", CALLBACK);
        config.put(prefix + "supported-identity-providers", "COGNITO");
    }

    /** The {@code /oauth2/authorize} query every page of a test carries. */
    static String authorizeQuery(String clientId, String state) {
        return "response_type=code&client_id="
                + clientId
                + "&redirect_uri="
                + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8)
                + "&state="
                + state
                + "&scope=openid+email&code_challenge="
                + CHALLENGE
                + "&code_challenge_method=S256";
    }
}
