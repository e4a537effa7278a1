package dev.gatehouse.auth.gateway.lambda;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.gatehouse.testing.RedisTestResource;
import dev.gatehouse.testing.SigV4Signing;
import dev.gatehouse.testing.TestUserPoolResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code gatehouse.gateway.mode=api-gateway} on a service reached over a socket, not through
 * Lambda: no request carries an authorizer result, so every protected route is refused, even for a
 * correctly signed request or a valid token that the self-enforcing mode would accept.
 */
@QuarkusTest
@TestProfile(ApiGatewayModeOffLambdaTest.ApiGatewayMode.class)
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestUserPoolResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ApiGatewayModeOffLambdaTest {

    public static class ApiGatewayMode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gatehouse.gateway.mode", "api-gateway");
        }
    }

    @Test
    void refusesAValidSignatureOnAnIamRoute() {
        given().filter(
                        SigV4Signing.as(
                                "AKIAAUTHTESTREADER22", "AuthCommonReaderSecret000000000000000000"))
                .get("/iam/x")
                .then()
                .statusCode(403)
                .header("x-amzn-ErrorType", "MissingAuthenticationTokenException")
                .body(equalTo("{\"message\":\"Missing Authentication Token\"}"));
    }

    @Test
    void refusesAValidTokenOnACognitoRoute() {
        String token = TestUserPoolResource.pool().idToken();
        given().header("Authorization", "Bearer " + token)
                .get("/cognito/claims")
                .then()
                .statusCode(401)
                .header("x-amzn-ErrorType", "UnauthorizedException")
                .body(equalTo("{\"message\":\"Unauthorized\"}"));
    }

    @Test
    void stillServesOpenRoutes() {
        given().get("/cognito/open").then().statusCode(200).body(equalTo("open"));
    }
}
