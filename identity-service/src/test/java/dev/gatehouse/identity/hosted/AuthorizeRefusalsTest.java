package dev.gatehouse.identity.hosted;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.identity.SmtpTestResource;
import dev.gatehouse.identity.TestUsers;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /oauth2/authorize} and {@code /login} refusing what RFC 6749 section 4.1.2.1 and Cognito
 * refuse: an unregistered {@code redirect_uri} or unknown client gets a page and never a redirect;
 * later errors go back to the app; nothing is stored either way.
 */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class AuthorizeRefusalsTest {

    static final String CALLBACK = "http://localhost:3000/callback";

    @TestHTTPResource("/")
    URL url;

    @Inject UserPool pool;
    @Inject RedisDataSource redis;

    TestUsers users;
    RedisKeys keys;

    @BeforeEach
    void setUp() {
        users = new TestUsers(url, pool);
        keys = new RedisKeys(redis);
    }

    Map<String, String> request() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", users.client("hosted"));
        q.put("redirect_uri", CALLBACK);
        q.put("state", "s1");
        q.put("scope", "openid email");
        q.put("code_challenge", HostedBrowser.challenge("v".repeat(50)));
        q.put("code_challenge_method", "S256");
        return q;
    }

    @Test
    void anUnregisteredRedirectUriGetsAPageNeverARedirect() {
        Set<String> before = keys.hostedState();
        for (String unregistered :
                new String[] {
                    "https://evil.example.com/cb",
                    CALLBACK + "/",
                    "http://LOCALHOST:3000/callback",
                    CALLBACK + "?x=1",
                    "https://app.example.com/cb"
                }) {
            Map<String, String> q = request();
            q.put("redirect_uri", unregistered);
            for (String path : new String[] {"/oauth2/authorize?", "/login?"}) {
                Response page = new HostedBrowser().get(path + HostedBrowser.encode(q));
                assertThat(page.statusCode()).as(unregistered).isEqualTo(400);
                assertThat(page.header("Location")).isNull();
                assertThat(page.contentType()).startsWith("text/html");
                assertThat(page.asString())
                        .contains("redirect_uri")
                        .contains("Test Shop")
                        .doesNotContain("Exception");
            }
        }
        assertThat(keys.hostedState()).isEqualTo(before);
    }

    @Test
    void anUnknownOrMissingClientGetsAPage() {
        Map<String, String> q = request();
        q.put("client_id", "nosuchclient0000000000000");
        Response page = new HostedBrowser().get("/oauth2/authorize?" + HostedBrowser.encode(q));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.header("Location")).isNull();
        q.remove("client_id");
        assertThat(
                        new HostedBrowser()
                                .get("/oauth2/authorize?" + HostedBrowser.encode(q))
                                .statusCode())
                .isEqualTo(400);
        // A repeated redirect_uri cannot be trusted either.
        String doubled =
                HostedBrowser.encode(request())
                        + "&redirect_uri="
                        + "https%3A%2F%2Fevil.example.com";
        Response twice = new HostedBrowser().get("/oauth2/authorize?" + doubled);
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.header("Location")).isNull();
    }

    @Test
    void scopesTheClientMayNotAskForGoBackAsInvalidScope() {
        Set<String> before = keys.hostedState();
        for (String scope :
                new String[] {
                    "openid phone", "https://orders.example.com/write", "openid admin", "made-up"
                }) {
            Map<String, String> q = request();
            q.put("scope", scope);
            Response refused =
                    new HostedBrowser().get("/oauth2/authorize?" + HostedBrowser.encode(q));
            assertThat(refused.statusCode()).as(scope).isEqualTo(302);
            assertThat(refused.header("Location")).startsWith(CALLBACK + "?");
            assertThat(HostedBrowser.parameters(refused))
                    .containsEntry("error", "invalid_scope")
                    .containsEntry("state", "s1")
                    .doesNotContainKey("code");
        }
        assertThat(keys.hostedState()).isEqualTo(before);
    }

    @Test
    void otherBadParametersGoBackToTheAppWithRfcErrors() {
        Map<String, String> noPkce = request();
        noPkce.remove("code_challenge");
        noPkce.remove("code_challenge_method");
        assertError(noPkce, "invalid_request");

        Map<String, String> plain = request();
        plain.put("code_challenge_method", "plain");
        assertError(plain, "invalid_request");

        Map<String, String> token = request();
        token.put("response_type", "token");
        assertError(token, "unsupported_response_type");

        Map<String, String> noType = request();
        noType.remove("response_type");
        assertError(noType, "invalid_request");

        Map<String, String> idp = request();
        idp.put("identity_provider", "Google");
        assertError(idp, "invalid_request");

        Map<String, String> none = request();
        none.put("prompt", "none");
        assertError(none, "login_required");
    }

    @Test
    void aClientWithoutTheCodeFlowIsUnauthorized() {
        Map<String, String> q = request();
        q.put("client_id", users.client("web"));
        // "web" has no CallbackURLs at all: its redirect_uri cannot be verified, so a page.
        assertThat(
                        new HostedBrowser()
                                .get("/oauth2/authorize?" + HostedBrowser.encode(q))
                                .statusCode())
                .isEqualTo(400);
    }

    @Test
    void malformedQueriesGetAClearPageNotAServerError() {
        for (String query :
                new String[] {
                    "client_id=%zz", "redirect_uri=%E0%A4%A", "a=" + "x".repeat(9000), "&&&=&="
                }) {
            RawRequest page = RawRequest.get(url, "/oauth2/authorize?" + query);
            // An over-long request line is refused by the HTTP layer itself (414).
            assertThat(page.status())
                    .as(query.substring(0, Math.min(20, query.length())))
                    .isIn(400, 414);
            assertThat(page.text()).doesNotContain("Exception").doesNotContain("at dev.");
        }
    }

    private void assertError(Map<String, String> q, String error) {
        Set<String> before = keys.hostedState();
        Response refused = new HostedBrowser().get("/oauth2/authorize?" + HostedBrowser.encode(q));
        assertThat(refused.statusCode()).as(q.toString()).isEqualTo(302);
        assertThat(HostedBrowser.parameters(refused))
                .as(q.toString())
                .containsEntry("error", error)
                .containsEntry("state", "s1");
        assertThat(keys.hostedState()).isEqualTo(before);
    }
}
