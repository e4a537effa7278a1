package dev.gatehouse.identity.oauth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.identity.SmtpTestResource;
import dev.gatehouse.identity.TestClock;
import dev.gatehouse.identity.TestUsers;
import dev.gatehouse.identity.hosted.HostedBrowser;
import dev.gatehouse.identity.hosted.RedisKeys;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /oauth2/token} refusing, with RFC 6749 section 5.2's answers, every code that is not
 * exactly the one issued: reused, expired (the clock is moved, nothing sleeps), for another
 * redirect_uri or client, without or with the wrong PKCE verifier. A refused attempt leaves the
 * code usable.
 */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class TokenRefusalsTest {

    static final String CALLBACK = "http://localhost:3000/callback";
    static final String VERIFIER = "the-right-verifier-0123456789-abcdefghijklmnopqrst";

    @TestHTTPResource("/")
    URL url;

    @Inject UserPool pool;
    @Inject TestClock clock;
    @Inject RedisDataSource redis;

    TestUsers users;
    static boolean registered;

    @BeforeEach
    void setUp() {
        users = new TestUsers(url, pool);
        if (!registered) {
            users.register("tokenuser", "tokenuser@example.com", true);
            registered = true;
        }
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A fresh code for the public client, through the sign-in page. */
    String code() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", users.client("hosted"));
        q.put("redirect_uri", CALLBACK);
        q.put("scope", "openid");
        q.put("code_challenge", HostedBrowser.challenge(VERIFIER));
        q.put("code_challenge_method", "S256");
        Response back =
                new HostedBrowser()
                        .signIn(HostedBrowser.encode(q), "tokenuser", TestUsers.PASSWORD);
        assertThat(back.statusCode()).as(back.asString()).isEqualTo(302);
        return HostedBrowser.parameters(back).get("code");
    }

    Response redeem(String code, String clientId, String redirectUri, String verifier) {
        RequestSpecification request =
                given().contentType("application/x-www-form-urlencoded")
                        .formParam("grant_type", "authorization_code")
                        .formParam("client_id", clientId)
                        .formParam("code", code)
                        .formParam("redirect_uri", redirectUri);
        if (verifier != null) {
            request.formParam("code_verifier", verifier);
        }
        return request.post("/oauth2/token");
    }

    Response redeem(String code) {
        return redeem(code, users.client("hosted"), CALLBACK, VERIFIER);
    }

    static void assertError(Response response, int status, String error) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.jsonPath().getString("error")).isEqualTo(error);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(response.asString()).doesNotContain("access_token");
    }

    @Test
    void aCodeIsSingleUse() {
        String code = code();
        assertThat(redeem(code).statusCode()).isEqualTo(200);
        assertError(redeem(code), 400, "invalid_grant");
    }

    @Test
    void anExpiredCodeIsRefusedWithoutWaiting() {
        String code = code();
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertError(redeem(code), 400, "invalid_grant");
        // Four minutes on it still works: the validity is five minutes, not less.
        clock.reset();
        String fresh = code();
        clock.advance(Duration.ofMinutes(4));
        assertThat(redeem(fresh).statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongOrMissingVerifierIsRefusedAndTheCodeStaysUsable() {
        String code = code();
        Set<String> before = new RedisKeys(redis).hostedState();
        assertError(
                redeem(code, users.client("hosted"), CALLBACK, VERIFIER + "x"),
                400,
                "invalid_grant");
        assertError(redeem(code, users.client("hosted"), CALLBACK, null), 400, "invalid_grant");
        assertError(
                redeem(code, users.client("hosted"), CALLBACK + "/other", VERIFIER),
                400,
                "invalid_grant");
        assertError(
                redeem(code, users.client("hosted"), "https://app.example.com/cb?x=1", VERIFIER),
                400,
                "invalid_grant");
        assertThat(new RedisKeys(redis).hostedState()).isEqualTo(before);
        assertThat(redeem(code).statusCode()).isEqualTo(200);
    }

    @Test
    void anotherClientCannotRedeemTheCode() {
        String code = code();
        Response other =
                given().contentType("application/x-www-form-urlencoded")
                        .auth()
                        .preemptive()
                        .basic(users.client("webapp"), "webappTestSecret0123456789abcdefghijklmnop")
                        .formParam("grant_type", "authorization_code")
                        .formParam("code", code)
                        .formParam("redirect_uri", CALLBACK)
                        .formParam("code_verifier", VERIFIER)
                        .post("/oauth2/token");
        assertError(other, 400, "invalid_grant");
        assertThat(redeem(code).statusCode()).isEqualTo(200);
    }

    @Test
    void malformedRequestsAreInvalidRequestOrUnsupportedGrantType() {
        assertError(
                given().contentType("application/x-www-form-urlencoded")
                        .formParam("grant_type", "password")
                        .formParam("client_id", users.client("hosted"))
                        .post("/oauth2/token"),
                400,
                "unsupported_grant_type");
        assertError(
                given().contentType("application/x-www-form-urlencoded")
                        .formParam("client_id", users.client("hosted"))
                        .post("/oauth2/token"),
                400,
                "invalid_request");
        assertError(
                given().contentType("application/json").body("{}").post("/oauth2/token"),
                400,
                "invalid_request");
        assertError(
                given().contentType("application/x-www-form-urlencoded")
                        .body("grant_type=authorization_code&grant_type=refresh_token")
                        .post("/oauth2/token"),
                400,
                "invalid_request");
        // Over-long bodies are refused before anything is read (by the service's limits).
        assertThat(
                        given().contentType("application/x-www-form-urlencoded")
                                .body("grant_type=" + "x".repeat(10_000))
                                .post("/oauth2/token")
                                .statusCode())
                .isIn(400, 413);
        assertError(
                given().contentType("application/x-www-form-urlencoded")
                        .body("grant_type=%zz")
                        .post("/oauth2/token"),
                400,
                "invalid_request");
        // More fields than the framework decodes (quarkus.http.limits.max-parameters, 1,000).
        assertError(
                given().contentType("application/x-www-form-urlencoded")
                        .body("grant_type=client_credentials&" + "x=1&".repeat(2_000))
                        .post("/oauth2/token"),
                400,
                "invalid_request");
        // The public client may not use client_credentials.
        assertError(
                given().contentType("application/x-www-form-urlencoded")
                        .formParam("grant_type", "client_credentials")
                        .formParam("client_id", users.client("hosted"))
                        .post("/oauth2/token"),
                400,
                "unauthorized_client");
    }
}
