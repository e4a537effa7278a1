package dev.gatehouse.auth.iam;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.gatehouse.auth.iam.credentials.SessionCredentials;
import dev.gatehouse.auth.iam.credentials.TemporaryCredentials;
import dev.gatehouse.testing.RedisTestResource;
import dev.gatehouse.testing.SigV4Signing;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The authorizer remembers, per cached temporary key, the session token that last matched its
 * stored SHA-256 (so later requests compare the token instead of hashing it). Remembering must not
 * loosen anything: the credentials still expire, and any other token under the same access key id
 * is refused, while the remembered one keeps working.
 */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class RememberedSessionTokenTest {

    @Inject TemporaryCredentials temporaryCredentials;

    @Test
    void rememberedCredentialsAreStillRefusedOnceExpired() throws InterruptedException {
        SessionCredentials session = issue("dora", Duration.ofSeconds(8));
        SigV4Signing signing =
                SigV4Signing.as(
                        session.accessKeyId(), session.secretAccessKey(), session.sessionToken());
        given().filter(signing).get("/iam/x").then().statusCode(200);
        given().filter(signing).get("/iam/x").then().statusCode(200);
        Thread.sleep(Duration.between(Instant.now(), session.expiration()).toMillis() + 50);
        given().filter(signing)
                .get("/iam/x")
                .then()
                .statusCode(403)
                .header("x-amzn-ErrorType", "ExpiredTokenException")
                .body(
                        equalTo(
                                "{\"message\":\"The security token included in the request is"
                                        + " expired\"}"));
    }

    @Test
    void anotherTokenUnderARememberedAccessKeyIsRefused() {
        SessionCredentials session = issue("erin", Duration.ofMinutes(15));
        String token = session.sessionToken();
        given().filter(signedWith(session, token)).get("/iam/x").then().statusCode(200);

        char last = token.charAt(token.length() - 1);
        String sameLength = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        invalidToken(given().filter(signedWith(session, sameLength)).get("/iam/x").then());
        invalidToken(
                given().filter(signedWith(session, token.substring(0, token.length() - 1)))
                        .get("/iam/x")
                        .then());
        invalidToken(given().filter(signedWith(session, token + "A")).get("/iam/x").then());
        SessionCredentials other = issue("erin", Duration.ofMinutes(15));
        invalidToken(
                given().filter(signedWith(session, other.sessionToken())).get("/iam/x").then());

        given().filter(signedWith(session, token)).get("/iam/x").then().statusCode(200);
    }

    private static SigV4Signing signedWith(SessionCredentials session, String token) {
        return SigV4Signing.as(session.accessKeyId(), session.secretAccessKey(), token);
    }

    private SessionCredentials issue(String session, Duration duration) {
        return temporaryCredentials.issue("reader-role", session, duration).await().indefinitely();
    }

    private static void invalidToken(ValidatableResponse response) {
        response.statusCode(403)
                .body("message", equalTo("The security token included in the request is invalid."));
    }
}
