package dev.gatehouse.lambda;

import static dev.gatehouse.lambda.ApiGatewayEvents.request;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The suite behind API Gateway (HTTP API, payload 2.0, api-gateway mode): API Gateway's IAM and JWT
 * authorizer results become the same {@code RequestIdentity} the self-enforcing authorizers fill,
 * with the principal names Quarkus's Lambda security uses; usage plans are still enforced in Redis;
 * a protected route without its authorizer result is refused.
 */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ApiGatewayModeTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String USER_ID = "AIDAEXAMPLEINDEXSVC1";
    static final String USER_ARN = "arn:aws:iam::123456789012:user/index-service";
    static final String ACCESS_KEY = "AKIAEXAMPLEINDEXSVC1";
    static final String WEB_CLIENT = "4b1ka6rh0r8q6kpaetj2ls3f0c";
    static final String KEY = "LambdaTestsKeyValue0000001";

    static Map<String, String> idTokenClaims(String client) {
        return Map.of(
                "sub", "5d1b6b2c-0000-4000-8000-000000000001",
                "cognito:username", "ada",
                "cognito:groups", "[admins readers]",
                "email", "ada@example.com",
                "email_verified", "true",
                "aud", client,
                "token_use", "id",
                "iss", "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Ab12Cd34E");
    }

    static JsonNode body(ValidatableResponse response) throws Exception {
        return JSON.readTree(response.extract().path("body").toString());
    }

    static void assertRefused(ValidatableResponse response, int status, String type, String msg) {
        response.body("statusCode", equalTo(status))
                .body("headers.x-amzn-ErrorType", equalTo(type))
                .body("body", equalTo("{\"message\":\"" + msg + "\"}"));
    }

    @Test
    void mapsTheIamAuthorizerResultToTheCallersIdentity() throws Exception {
        ValidatableResponse response =
                request("GET", "/echo/iam").iam(USER_ID, USER_ARN, ACCESS_KEY).invoke();

        response.body("statusCode", equalTo(200));
        JsonNode echo = body(response);
        JsonNode identity = echo.path("identity");
        assertEquals(USER_ARN, identity.path("userArn").asText());
        assertEquals(ACCESS_KEY, identity.path("accessKey").asText());
        assertEquals("123456789012", identity.path("accountId").asText());
        assertEquals(USER_ID, identity.path("caller").asText());
        assertEquals(USER_ID, identity.path("user").asText());
        assertEquals(ApiGatewayEvents.SOURCE_IP, identity.path("sourceIp").asText());
        assertEquals(ApiGatewayEvents.USER_AGENT, identity.path("userAgent").asText());
        assertEquals(USER_ID, echo.path("principalName").asText());
        assertEquals(
                echo.path("quarkusPrincipal").asText(),
                echo.path("principalName").asText(),
                "the same principal name as Quarkus's Lambda security (authorizer.iam.userId)");
    }

    @Test
    void mapsTheJwtAuthorizerClaimsToTheCallersIdentity() throws Exception {
        ValidatableResponse response =
                request("POST", "/echo/jwt")
                        .body("{\"query\":\"cafe\"}")
                        .jwt(idTokenClaims(WEB_CLIENT), List.of())
                        .invoke();

        response.body("statusCode", equalTo(200));
        JsonNode echo = body(response);
        JsonNode claims = echo.path("identity").path("claims");
        assertEquals("ada", claims.path("cognito:username").asText());
        assertEquals("ada@example.com", claims.path("email").asText());
        assertEquals("[admins readers]", claims.path("cognito:groups").asText());
        assertEquals("{\"query\":\"cafe\"}", echo.path("body").asText());
        assertEquals(ApiGatewayEvents.SOURCE_IP, echo.path("identity").path("sourceIp").asText());
        assertEquals("ada", echo.path("principalName").asText());
        assertEquals(
                "ada",
                echo.path("quarkusPrincipal").asText(),
                "the same principal name as Quarkus's Lambda security (cognito:username)");
    }

    @Test
    void anOpenRouteIsServedWithoutIdentity() throws Exception {
        ValidatableResponse response = request("GET", "/echo/open").invoke();

        response.body("statusCode", equalTo(200));
        JsonNode echo = body(response);
        assertNull(echo.get("identity"));
        assertNull(echo.get("quarkusPrincipal"));
    }

    @Test
    void refusesAnIamRouteWithoutTheIamAuthorizerResult() {
        assertRefused(
                request("GET", "/echo/iam").invoke(),
                403,
                "MissingAuthenticationTokenException",
                "Missing Authentication Token");
        assertRefused(
                request("GET", "/echo/iam").jwt(idTokenClaims(WEB_CLIENT), List.of()).invoke(),
                403,
                "MissingAuthenticationTokenException",
                "Missing Authentication Token");
    }

    @Test
    void refusesAJwtRouteWithoutTheJwtAuthorizerResult() {
        assertRefused(
                request("POST", "/echo/jwt").body("{}").invoke(),
                401,
                "UnauthorizedException",
                "Unauthorized");
        assertRefused(
                request("POST", "/echo/jwt").body("{}").iam(USER_ID, USER_ARN, ACCESS_KEY).invoke(),
                401,
                "UnauthorizedException",
                "Unauthorized");
    }

    @Test
    void stillChecksTheRoutesClientAndScopesOnTheClaims() throws Exception {
        assertRefused(
                request("POST", "/echo/jwt")
                        .body("{}")
                        .jwt(idTokenClaims("7otherclient000000000000000"), List.of())
                        .invoke(),
                401,
                "UnauthorizedException",
                "Unauthorized");

        Map<String, String> access =
                Map.of(
                        "sub", "5d1b6b2c-0000-4000-8000-000000000001",
                        "username", "ada",
                        "client_id", WEB_CLIENT,
                        "token_use", "access",
                        "scope", "orders/write openid");
        ValidatableResponse scoped =
                request("GET", "/echo/scoped")
                        .jwt(access, List.of("orders/write", "openid"))
                        .invoke()
                        .body("statusCode", equalTo(200));
        JsonNode echo = body(scoped);
        assertEquals("ada", echo.path("identity").path("claims").path("username").asText());
        assertTrue(echo.path("principalName").isNull(), "an access token has no cognito:username");
        assertNull(echo.get("quarkusPrincipal"), "nor a Quarkus principal");
        Map<String, String> readOnly = new java.util.HashMap<>(access);
        readOnly.put("scope", "openid");
        assertRefused(
                request("GET", "/echo/scoped").jwt(readOnly, List.of("openid")).invoke(),
                401,
                "UnauthorizedException",
                "Unauthorized");
    }

    @Test
    void usagePlansAreStillEnforcedInRedis() {
        assertRefused(
                request("GET", "/echo/keyed").header("x-api-key", KEY).invoke(),
                403,
                "MissingAuthenticationTokenException",
                "Missing Authentication Token");
        assertRefused(
                request("GET", "/echo/keyed").iam(USER_ID, USER_ARN, ACCESS_KEY).invoke(),
                403,
                "ForbiddenException",
                "Forbidden");

        for (int remaining = 1; remaining >= 0; remaining--) {
            request("GET", "/echo/keyed")
                    .iam(USER_ID, USER_ARN, ACCESS_KEY)
                    .header("x-api-key", KEY)
                    .invoke()
                    .body("statusCode", equalTo(200))
                    .body(
                            "headers.RateLimit",
                            org.hamcrest.Matchers.containsString("\"quota\";r=" + remaining + ";"));
        }
        assertRefused(
                request("GET", "/echo/keyed")
                        .iam(USER_ID, USER_ARN, ACCESS_KEY)
                        .header("x-api-key", KEY)
                        .invoke(),
                429,
                "LimitExceededException",
                "Limit Exceeded");
    }

    @Test
    void aPlainHttpRequestThroughTheMockGatewayHasNoAuthorizerResult() {
        // The mock event server turns this into an event without requestContext.authorizer, as
        // API Gateway does for a route without an authorizer.
        given().get("/echo/iam")
                .then()
                .statusCode(403)
                .header("x-amzn-ErrorType", "MissingAuthenticationTokenException");
        given().get("/echo/open").then().statusCode(200).body("identity", nullValue());
    }
}
