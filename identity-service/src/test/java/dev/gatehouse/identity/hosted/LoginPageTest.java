package dev.gatehouse.identity.hosted;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.identity.CognitoClients;
import dev.gatehouse.identity.SmtpTestResource;
import dev.gatehouse.identity.TestClock;
import dev.gatehouse.identity.TestUsers;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;

/**
 * The sign-in page: CSRF protection that changes nothing when it refuses, the API's sign-in rules
 * (PreventUserExistenceErrors, lockout), the cookies' attributes, hostile form input, and the
 * hand-over of an administrator-created user's first sign-in to {@code /forceChangePassword}.
 */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class LoginPageTest {

    static final String CALLBACK = "http://localhost:3000/callback";

    @TestHTTPResource("/")
    URL url;

    @Inject UserPool pool;
    @Inject RedisDataSource redis;
    @Inject TestClock clock;

    TestUsers users;
    RedisKeys keys;

    @BeforeEach
    void setUp() {
        users = new TestUsers(url, pool);
        keys = new RedisKeys(redis);
    }

    String query() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", users.client("hosted"));
        q.put("redirect_uri", CALLBACK);
        q.put("state", "xyz");
        q.put("code_challenge", HostedBrowser.challenge("w".repeat(43)));
        q.put("code_challenge_method", "S256");
        return HostedBrowser.encode(q);
    }

    Map<String, String> form(String csrf, String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        if (csrf != null) {
            form.put("_csrf", csrf);
        }
        form.put("username", username);
        form.put("password", password);
        return form;
    }

    @Test
    void theFormWorksWithoutJavaScriptAndCarriesThePoolsName() {
        Response page = new HostedBrowser().get("/login?" + query());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString())
                .contains("Test Shop")
                .contains("name=\"viewport\"")
                .contains("<form method=\"post\"")
                .doesNotContainIgnoringCase("<script");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void aMissingOrForeignCsrfTokenIsRefusedAndChangesNothing() {
        users.register("csrfuser", "csrfuser@example.com", true);
        Set<String> before = keys.hostedState();
        HostedBrowser browser = new HostedBrowser();
        browser.get("/login?" + query());

        Response missing =
                browser.post("/login?" + query(), form(null, "csrfuser", TestUsers.PASSWORD));
        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(missing.header("Location")).isNull();

        // Another browser's token (a real one, just not this browser's).
        String foreign = HostedBrowser.csrf(new HostedBrowser().get("/login?" + query()));
        Response crossSite =
                browser.post("/login?" + query(), form(foreign, "csrfuser", TestUsers.PASSWORD));
        assertThat(crossSite.statusCode()).isEqualTo(403);

        // The right token with no cookie at all (a forged cross-site post).
        HostedBrowser noCookie = new HostedBrowser();
        Response forged =
                noCookie.post(
                        "/login?" + query(),
                        form(
                                HostedBrowser.csrf(browser.get("/login?" + query())),
                                "csrfuser",
                                "x"));
        assertThat(forged.statusCode()).isEqualTo(403);

        assertThat(keys.hostedState()).isEqualTo(before);
        assertThat(browser.cookies).doesNotContainKey(LoginSessions.COOKIE);
        // The user is untouched: the right token still signs in.
        assertThat(browser.signIn(query(), "csrfuser", TestUsers.PASSWORD).statusCode())
                .isEqualTo(302);
    }

    @Test
    void wrongPasswordsAndUnknownUsersReadTheSameAndTheLockoutApplies() {
        users.register("lockme", "lockme@example.com", true);
        HostedBrowser browser = new HostedBrowser();
        clock.freeze(); // a lock ends only when the test moves the clock
        try {
            lockOut(browser);
        } finally {
            clock.reset();
        }
    }

    private void lockOut(HostedBrowser browser) {
        Response wrong = browser.signIn(query(), "lockme", "Wrong-Password-1");
        Response unknown = browser.signIn(query(), "nobody-at-all", "Wrong-Password-1");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(wrong.asString()).contains("Incorrect username or password.");
        assertThat(unknown.asString()).contains("Incorrect username or password.");
        // Four more failures make five: the fifth locks the user (the clock stands still).
        for (int i = 0; i < 4; i++) {
            assertThat(browser.signIn(query(), "lockme", "Wrong-Password-1").asString())
                    .contains("Incorrect username or password.");
        }
        Response locked = browser.signIn(query(), "lockme", TestUsers.PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(400);
        assertThat(locked.asString()).contains("Password attempts exceeded");
        assertThat(browser.cookies).doesNotContainKey(LoginSessions.COOKIE);
        clock.advance(java.time.Duration.ofMillis(1_001));
        assertThat(browser.signIn(query(), "lockme", TestUsers.PASSWORD).statusCode())
                .isEqualTo(302);
    }

    @Test
    void cookiesAreHttpOnlyLaxAndNotSecureOverPlainHttp() {
        users.register("cookies", "cookies@example.com", true);
        HostedBrowser browser = new HostedBrowser();
        Response page = browser.get("/login?" + query());
        Cookie csrf = page.getDetailedCookie(CsrfTokens.COOKIE);
        assertThat(csrf.isHttpOnly()).isTrue();
        assertThat(csrf.getSameSite()).isEqualToIgnoringCase("Lax");
        assertThat(csrf.isSecured()).isFalse();
        assertThat(csrf.getPath()).isEqualTo("/");

        Map<String, String> posted = form(HostedBrowser.csrf(page), "cookies", TestUsers.PASSWORD);
        Response signedIn = browser.post("/login?" + query(), posted);
        Cookie session = signedIn.getDetailedCookie(LoginSessions.COOKIE);
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualToIgnoringCase("Lax");
        assertThat(session.isSecured()).isFalse();
        assertThat(session.getMaxAge()).isEqualTo(3600);
        assertThat(session.getValue()).doesNotContain("cookies").hasSizeGreaterThan(40);
    }

    @Test
    void hostileFormInputGetsAClearPageNeverAServerError() {
        HostedBrowser browser = new HostedBrowser();
        String csrf = HostedBrowser.csrf(browser.get("/login?" + query()));
        Response longName = browser.post("/login?" + query(), form(csrf, "n".repeat(500), "x"));
        assertThat(longName.statusCode()).isEqualTo(400);
        Response empty = browser.post("/login?" + query(), form(csrf, "", ""));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.asString()).contains("Enter your username and password.");
        Response twice = browser.post("/login?" + query(), Map.of("_csrf", csrf, "username", "a"));
        assertThat(twice.statusCode()).isEqualTo(400);
        Response broken =
                io.restassured.RestAssured.given()
                        .redirects()
                        .follow(false)
                        .urlEncodingEnabled(false)
                        .cookies(browser.cookies)
                        .contentType("application/x-www-form-urlencoded")
                        .body("_csrf=" + csrf + "&username=%zz&password=%")
                        .post("/login?" + query());
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.asString()).doesNotContain("Exception");
        Response manyFields =
                io.restassured.RestAssured.given()
                        .redirects()
                        .follow(false)
                        .cookies(browser.cookies)
                        .contentType("application/x-www-form-urlencoded")
                        .body("_csrf=" + csrf + "&username=a&password=b&" + "x=1&".repeat(2_000))
                        .post("/login?" + query());
        assertThat(manyFields.statusCode()).isEqualTo(400);
        assertThat(manyFields.asString()).contains("The form could not be read");
    }

    @Test
    void anAdministratorCreatedUserIsSentToSetANewPasswordWithTheChallengeKeptServerSide() {
        CognitoClients.signedAs(
                        url, "AKIAIDENTITYTESTADMN", "IdentityServiceTestAdminSecret0000000000")
                .adminCreateUser(
                        r ->
                                r.userPoolId(pool.id())
                                        .username("newbie")
                                        .temporaryPassword("Temporary-Pass-1")
                                        .messageAction(MessageActionType.SUPPRESS)
                                        .userAttributes(
                                                TestUsers.attribute("email", "newbie@example.com"),
                                                TestUsers.attribute("email_verified", "true"),
                                                TestUsers.attribute("given_name", "N"),
                                                TestUsers.attribute("family_name", "B")));
        HostedBrowser browser = new HostedBrowser();
        Response next = browser.signIn(query(), "newbie", "Temporary-Pass-1");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.header("Location")).endsWith("/forceChangePassword?" + query());
        Cookie handle = next.getDetailedCookie(PendingChallenges.COOKIE);
        assertThat(handle.isHttpOnly()).isTrue();
        assertThat(handle.getValue()).doesNotContain("Temporary").doesNotContain("newbie");
        assertThat(next.header("Location")).doesNotContain("Temporary");
        assertThat(browser.cookies).doesNotContainKey(LoginSessions.COOKIE);
        assertThat(keys.hostedState()).anyMatch(k -> k.contains("pending-challenge:"));
    }
}
