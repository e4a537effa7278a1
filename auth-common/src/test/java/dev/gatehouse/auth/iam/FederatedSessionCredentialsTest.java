package dev.gatehouse.auth.iam;

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
import org.junit.jupiter.api.Test;

/**
 * Temporary credentials that carry a web identity's session (as identity pools issue them): the
 * request identity names the Cognito identity as API Gateway does, and a session policy narrows
 * what the role allows; a policy variable on the identity is bound per credential, never shared
 * between identities of one role.
 */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class FederatedSessionCredentialsTest {

    static final String POOL = "us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    static final String IDENTITY = "us-east-1:7e3b1a2c-0000-4000-8000-1234567890ab";

    @Inject TemporaryCredentials temporary;

    private SigV4Signing signing(List<String> amr, Optional<String> policy) throws Exception {
        return signing(IDENTITY, amr, policy);
    }

    private SigV4Signing signing(String identity, List<String> amr, Optional<String> policy)
            throws Exception {
        SessionCredentials c =
                temporary
                        .issue(
                                "reader-role",
                                "CognitoIdentityCredentials",
                                Duration.ofMinutes(5),
                                SessionAttributes.of(
                                        Map.of(
                                                "cognito-identity.amazonaws.com:aud", List.of(POOL),
                                                "cognito-identity.amazonaws.com:sub",
                                                        List.of(identity),
                                                "cognito-identity.amazonaws.com:amr", amr),
                                        Optional.of(
                                                "cognito-idp.example/p,cognito-idp.example/p:CognitoSignIn:s"),
                                        policy))
                        .await()
                        .indefinitely();
        return SigV4Signing.as(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
    }

    @Test
    void requestIdentityNamesTheCognitoIdentity() throws Exception {
        given().filter(signing(List.of("authenticated", "cognito-idp.example/p"), Optional.empty()))
                .get("/iam/x")
                .then()
                .statusCode(200)
                .body(
                        "userArn",
                        equalTo(
                                "arn:aws:sts::123456789012:assumed-role/reader-role/"
                                        + "CognitoIdentityCredentials"))
                .body("cognitoIdentityId", equalTo(IDENTITY))
                .body("cognitoIdentityPoolId", equalTo(POOL))
                .body("cognitoAuthenticationType", equalTo("authenticated"))
                .body(
                        "cognitoAuthenticationProvider",
                        equalTo("cognito-idp.example/p,cognito-idp.example/p:CognitoSignIn:s"));
    }

    @Test
    void aSessionPolicyWithoutExecuteApiDeniesWhatTheRoleAllows() throws Exception {
        String scopeDown =
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":\"cognito-identity:*\",\"Resource\":\"*\"}]}";
        given().filter(signing(List.of("unauthenticated"), Optional.of(scopeDown)))
                .get("/iam/x")
                .then()
                .statusCode(403)
                .header("x-amzn-ErrorType", "AccessDeniedException")
                .body(
                        "Message",
                        equalTo(
                                "User:"
                                    + " arn:aws:sts::123456789012:assumed-role/reader-role/CognitoIdentityCredentials"
                                    + " is not authorized to perform: execute-api:Invoke on"
                                    + " resource:"
                                    + " arn:aws:execute-api:us-east-1:********9012:testapi/dev/GET/iam/x"
                                    + " because no session policy allows the execute-api:Invoke"
                                    + " action"));
    }

    @Test
    void aSessionPolicyOnTheIdentityLetsEachIdentityReachOnlyItsOwnPath() throws Exception {
        String ownPath =
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":\"execute-api:Invoke\",\"Resource\":"
                        + "\"arn:aws:execute-api:*:*:testapi/*/GET/iam/profiles/"
                        + "${cognito-identity.amazonaws.com:sub}\"}]}";
        SigV4Signing alice =
                signing("alice-identity", List.of("authenticated"), Optional.of(ownPath));
        SigV4Signing bob = signing("bob-identity", List.of("authenticated"), Optional.of(ownPath));
        for (int round = 0; round < 2; round++) { // the second round is served from cached facts
            given().filter(alice).get("/iam/profiles/alice-identity").then().statusCode(200);
            given().filter(alice).get("/iam/profiles/bob-identity").then().statusCode(403);
            given().filter(bob).get("/iam/profiles/bob-identity").then().statusCode(200);
            given().filter(bob)
                    .get("/iam/profiles/alice-identity")
                    .then()
                    .statusCode(403)
                    .header("x-amzn-ErrorType", "AccessDeniedException");
        }
    }
}
