package dev.gatehouse.stores.profiles;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.gatehouse.auth.iam.credentials.SessionAttributes;
import dev.gatehouse.auth.iam.credentials.SessionCredentials;
import dev.gatehouse.auth.iam.credentials.TemporaryCredentials;
import dev.gatehouse.testing.RedisTestResource;
import dev.gatehouse.testing.SigV4Signing;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code GET|PUT /profiles/{identityId}} signed with identity pool credentials as identity-service
 * issues them (auth-common's temporary credentials carrying {@code
 * cognito-identity.amazonaws.com:*}), signed by the AWS SDK v2 signer: the role's policy names
 * {@code ${cognito-identity.amazonaws.com:sub}}, so each identity reaches its own profile only.
 */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ProfilesWithPoolCredentialsTest {

    static final String POOL = "us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

    @Inject TemporaryCredentials temporary;

    private record Caller(String identityId, SigV4Signing signing) {}

    private Caller identity(Duration validity) throws Exception {
        String id = "us-east-1:" + UUID.randomUUID();
        SessionAttributes session =
                SessionAttributes.of(
                        Map.of(
                                "cognito-identity.amazonaws.com:aud", List.of(POOL),
                                "cognito-identity.amazonaws.com:sub", List.of(id),
                                "cognito-identity.amazonaws.com:amr",
                                        List.of("authenticated", "cognito-idp.example")),
                        Optional.of("cognito-idp.example,cognito-idp.example:CognitoSignIn:x"),
                        Optional.empty());
        SessionCredentials credentials =
                temporary
                        .issue("profile-owner", "CognitoIdentityCredentials", validity, session)
                        .await()
                        .indefinitely();
        return new Caller(
                id,
                SigV4Signing.as(
                        credentials.accessKeyId(),
                        credentials.secretAccessKey(),
                        credentials.sessionToken()));
    }

    @Test
    void ownProfileIsWrittenAndRead() throws Exception {
        Caller me = identity(Duration.ofHours(1));
        given().filter(me.signing())
                .contentType("application/json")
                .body("{\"displayName\":\"Ada\",\"favoriteStoreId\":\"lis-001\"}")
                .put("/profiles/" + me.identityId())
                .then()
                .statusCode(200)
                .body("identityId", equalTo(me.identityId()))
                .body("displayName", equalTo("Ada"));
        given().filter(me.signing())
                .get("/profiles/" + me.identityId())
                .then()
                .statusCode(200)
                .body("favoriteStoreId", equalTo("lis-001"));
    }

    @Test
    void anotherIdentitysProfileIsAwsAccessDenied() throws Exception {
        Caller me = identity(Duration.ofHours(1));
        Caller other = identity(Duration.ofHours(1));
        given().filter(me.signing())
                .get("/profiles/" + other.identityId())
                .then()
                .statusCode(403)
                .header("x-amzn-ErrorType", "AccessDeniedException")
                .body(
                        "Message",
                        equalTo(
                                "User: arn:aws:sts::123456789012:assumed-role/profile-owner/"
                                        + "CognitoIdentityCredentials is not authorized to perform:"
                                        + " execute-api:Invoke on resource:"
                                        + " arn:aws:execute-api:us-east-1:********9012:"
                                        + "stores-service/dev/GET/profiles/"
                                        + other.identityId()
                                        + " because no identity-based policy allows the"
                                        + " execute-api:Invoke action"));
        given().filter(me.signing())
                .contentType("application/json")
                .body("{\"displayName\":\"Mallory\"}")
                .put("/profiles/" + other.identityId())
                .then()
                .statusCode(403);
    }

    @Test
    void badProfilesAreRefusedByField() throws Exception {
        Caller me = identity(Duration.ofHours(1));
        given().filter(me.signing())
                .contentType("application/json")
                .body("{\"displayName\":\"Ada\",\"admin\":true}")
                .put("/profiles/" + me.identityId())
                .then()
                .statusCode(400)
                .body(
                        "message",
                        equalTo("Unknown field 'admin'; allowed: displayName, favoriteStoreId"));
        given().filter(me.signing())
                .contentType("application/json")
                .body("{\"displayName\":\"" + "x".repeat(65) + "\"}")
                .put("/profiles/" + me.identityId())
                .then()
                .statusCode(400);
        given().filter(me.signing())
                .get("/profiles/" + me.identityId())
                .then()
                .statusCode(404)
                .body("message", equalTo("Profile not found"));
    }

    @Test
    void expiredPoolCredentialsAreRefused() throws Exception {
        Caller me = identity(Duration.ofSeconds(1));
        Thread.sleep(1_500);
        given().filter(me.signing())
                .get("/profiles/" + me.identityId())
                .then()
                .statusCode(403)
                .body("message", equalTo("The security token included in the request is expired"));
    }
}
