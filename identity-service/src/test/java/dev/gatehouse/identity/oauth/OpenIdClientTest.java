package dev.gatehouse.identity.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.identity.SmtpTestResource;
import dev.gatehouse.identity.TestUsers;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.testing.NodePackages;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The npm {@code openid-client} package against the pool, unmodified: discovery from the issuer,
 * authorization code + PKCE (fetch drives the sign-in form), userInfo, refresh, and {@code
 * client_credentials}; jose verifies every token against the pool's JWKS. The issuer must be the
 * URL the client talks to, so this class serves on a port chosen up front and names it the issuer.
 */
@QuarkusTest
@TestProfile(OpenIdClientTest.IssuerOnTestPort.class)
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class OpenIdClientTest {

    /** A free port, used both as the test port and in the issuer. */
    public static class IssuerOnTestPort implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of(
                    "quarkus.http.test-port",
                    Integer.toString(port),
                    "gatehouse.identity.issuer-base",
                    "http://localhost:" + port);
        }
    }

    @TestHTTPResource("/")
    URL url;

    @Inject UserPool pool;

    @Test
    void openidClientSignsInWithPkceAndGetsClientCredentials() {
        TestUsers users = new TestUsers(url, pool);
        users.register("nodeuser", "nodeuser@example.com", true);
        String out =
                NodePackages.node(
                        "oidc-flow.js",
                        "",
                        Map.of(
                                "ISSUER",
                                pool.issuer(),
                                "CLIENT_ID",
                                users.client("hosted"),
                                "CALLBACK",
                                "http://localhost:3000/callback",
                                "USERNAME",
                                "nodeuser@example.com",
                                "PASSWORD",
                                TestUsers.PASSWORD,
                                "SCOPE",
                                "openid email profile",
                                "MACHINE_ID",
                                users.client("machine"),
                                "MACHINE_SECRET",
                                pool.clientByName("machine")
                                        .orElseThrow()
                                        .secret()
                                        .orElseThrow()
                                        .reveal()));
        JsonPath result = new JsonPath(out.lines().reduce((a, b) -> b).orElseThrow());
        assertThat(result.getString("id.'cognito:username'")).isEqualTo("nodeuser");
        assertThat(result.getString("id.token_use")).isEqualTo("id");
        assertThat(result.getString("id.at_hash")).isNotBlank();
        assertThat(result.getString("idHeader.alg")).isEqualTo("RS256");
        assertThat(result.getString("access.scope")).isEqualTo("openid email profile");
        assertThat(result.getString("userInfo.email")).isEqualTo("nodeuser@example.com");
        assertThat(result.getString("refreshedIdClaims.sub")).isEqualTo(result.getString("id.sub"));
        assertThat(result.getString("machine.scope")).isEqualTo("https://orders.example.com/read");
        assertThat(result.getString("machine.sub")).isEqualTo(users.client("machine"));
        // openid-client reports the 401's WWW-Authenticate: Basic challenge before the body.
        assertThat(result.getString("wrongSecret"))
                .isIn("invalid_client:401", "OAUTH_WWW_AUTHENTICATE_CHALLENGE:401");
    }
}
