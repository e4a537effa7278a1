package dev.gatehouse.identity.hosted;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.identity.SmtpTestResource;
import dev.gatehouse.identity.TestUsers;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The happy path over real HTTP: authorize, the sign-in page, the code, the token endpoint. */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class AuthorizationCodeFlowTest {

    static final String CALLBACK = "http://localhost:3000/callback";
    static final String VERIFIER = "a-verifier-of-enough-length-0123456789-abcdefghijkl";

    @TestHTTPResource("/")
    URL url;

    @Inject UserPool pool;

    TestUsers users;

    @BeforeEach
    void users() {
        users = new TestUsers(url, pool);
    }

    String query(String state, String nonce) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", users.client("hosted"));
        q.put("redirect_uri", CALLBACK);
        q.put("state", state);
        q.put("nonce", nonce);
        q.put("scope", "openid email profile");
        q.put("code_challenge", HostedBrowser.challenge(VERIFIER));
        q.put("code_challenge_method", "S256");
        return HostedBrowser.encode(q);
    }

    @Test
    void signsInOnThePageAndRedeemsTheCodeForTokens() {
        users.register("grace", "grace@example.com", true);
        HostedBrowser browser = new HostedBrowser();
        String query = query("st-1", "n-1");

        Response authorize = browser.get("/oauth2/authorize?" + query);
        assertThat(authorize.statusCode()).isEqualTo(302);
        assertThat(authorize.header("Location")).endsWith("/login?" + query);

        Response signedIn = browser.signIn(query, "grace@example.com", TestUsers.PASSWORD);
        assertThat(signedIn.statusCode()).as(signedIn.asString()).isEqualTo(302);
        assertThat(signedIn.header("Location")).startsWith(CALLBACK + "?code=");
        Map<String, String> back = HostedBrowser.parameters(signedIn);
        assertThat(back).containsEntry("state", "st-1");
        assertThat(browser.cookies).containsKey(LoginSessions.COOKIE);

        JsonPath tokens =
                given().contentType("application/x-www-form-urlencoded")
                        .formParam("grant_type", "authorization_code")
                        .formParam("client_id", users.client("hosted"))
                        .formParam("code", back.get("code"))
                        .formParam("redirect_uri", CALLBACK)
                        .formParam("code_verifier", VERIFIER)
                        .post("/oauth2/token")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        Map<String, Object> id = claims(tokens.getString("id_token"));
        assertThat(id)
                .containsEntry("nonce", "n-1")
                .containsEntry("cognito:username", "grace")
                .containsEntry("token_use", "id")
                .containsKey("at_hash");
        assertThat(claims(tokens.getString("access_token")).get("scope"))
                .isEqualTo("openid email profile");
        assertThat(tokens.getString("refresh_token")).isNotBlank();
        assertThat(tokens.getString("token_type")).isEqualTo("Bearer");

        // userInfo with the access token (openid email profile): attributes as strings.
        Map<String, Object> info =
                given().header("Authorization", "Bearer " + tokens.getString("access_token"))
                        .get("/oauth2/userInfo")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getMap("");
        assertThat(info)
                .containsEntry("username", "grace")
                .containsEntry("email", "grace@example.com")
                .containsEntry("email_verified", "true")
                .containsEntry("given_name", "Ada");
        // An API sign-in's access token has no openid scope: refused as Cognito documents.
        Response apiToken =
                given().header(
                                "Authorization",
                                "Bearer " + users.signIn("grace", TestUsers.PASSWORD).accessToken())
                        .get("/oauth2/userInfo");
        assertThat(apiToken.statusCode()).isEqualTo(401);
        assertThat(apiToken.header("WWW-Authenticate")).contains("invalid_token");
        assertThat(given().get("/oauth2/userInfo").statusCode()).isEqualTo(400);

        // The refresh token works at the token endpoint, then is revoked there.
        JsonPath refreshed =
                given().contentType("application/x-www-form-urlencoded")
                        .formParam("grant_type", "refresh_token")
                        .formParam("client_id", users.client("hosted"))
                        .formParam("refresh_token", tokens.getString("refresh_token"))
                        .post("/oauth2/token")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(claims(refreshed.getString("access_token")).get("scope"))
                .isEqualTo("openid email profile");
        assertThat(refreshed.getString("refresh_token")).isNull();
        given().contentType("application/x-www-form-urlencoded")
                .formParam("token", tokens.getString("refresh_token"))
                .formParam("client_id", users.client("hosted"))
                .post("/oauth2/revoke")
                .then()
                .statusCode(200);
        given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "refresh_token")
                .formParam("client_id", users.client("hosted"))
                .formParam("refresh_token", tokens.getString("refresh_token"))
                .post("/oauth2/token")
                .then()
                .statusCode(400)
                .body("error", org.hamcrest.Matchers.equalTo("invalid_grant"));
        assertThat(
                        given().header(
                                        "Authorization",
                                        "Bearer " + tokens.getString("access_token"))
                                .get("/oauth2/userInfo")
                                .statusCode())
                .isEqualTo(401);

        // While the login session is open, authorize answers at once with a new code.
        Response again = browser.get("/oauth2/authorize?" + query("st-2", "n-2"));
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(HostedBrowser.parameters(again))
                .containsKey("code")
                .containsEntry("state", "st-2");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> claims(String jwt) {
        return new JsonPath(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1])))
                .getMap("");
    }
}
