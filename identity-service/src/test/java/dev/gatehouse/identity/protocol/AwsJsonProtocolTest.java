package dev.gatehouse.identity.protocol;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.gatehouse.identity.SmtpTestResource;
import dev.gatehouse.testing.ManagementInterface;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The AWS JSON 1.1 envelope: targets, bodies, error shape and CORS (spec 1.1-1.3). */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class AwsJsonProtocolTest {

    /** The management interface's {@code /q/} root (loopback, its own port). */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void servesMetricsOnTheManagementInterfaceOnlyAndHealthOnThePublicPort() {
        ManagementInterface.servesMetricsThereOnly(management);
    }

    static final String AMZ_JSON = "application/x-amz-json-1.1";

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void errorsCarryTypeAndMessageInBodyAndHeaders() {
        given().contentType(AMZ_JSON)
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService.SignUp")
                .body(bytes("{\"ClientId\":\"nosuch\",\"Username\":\"u\",\"Password\":\"p\"}"))
                .post("/")
                .then()
                .statusCode(400)
                .contentType(AMZ_JSON)
                .header("x-amzn-ErrorType", "ResourceNotFoundException:")
                .header("x-amzn-ErrorMessage", "User pool client nosuch does not exist.")
                .header("x-amzn-RequestId", notNullValue())
                .body(
                        equalTo(
                                "{\"__type\":\"ResourceNotFoundException\",\"message\":\"User pool"
                                        + " client nosuch does not exist.\"}"));
    }

    @Test
    void publishesTheOpenApiDocument() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("info.title", equalTo("Gatehouse identity-service"))
                .body("paths", org.hamcrest.Matchers.hasKey("/"));
    }

    @Test
    void unknownOrMissingTargetIsUnknownOperation() {
        for (String target :
                new String[] {"AWSCognitoIdentityProviderService.Nope", "Other.SignUp", ""}) {
            given().contentType(AMZ_JSON)
                    .header("X-Amz-Target", target)
                    .body(bytes("{}"))
                    .post("/")
                    .then()
                    .statusCode(400)
                    .header("x-amzn-ErrorType", "UnknownOperationException:")
                    .body(containsString("\"__type\":\"UnknownOperationException\""));
        }
    }

    @Test
    void malformedBodiesAreSerializationErrorsNeverServerErrors() {
        for (String body : new String[] {"{", "[]", "{\"a\":1,\"a\":2}", "{} x", "\"s\""}) {
            given().contentType(AMZ_JSON)
                    .header("X-Amz-Target", "AWSCognitoIdentityProviderService.InitiateAuth")
                    .body(bytes(body))
                    .post("/")
                    .then()
                    .statusCode(400)
                    .body(containsString("\"__type\":\"SerializationException\""));
        }
        given().contentType(AMZ_JSON)
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService.InitiateAuth")
                .body(bytes("{\"ClientId\":5}"))
                .post("/")
                .then()
                .statusCode(400)
                .body(containsString("\"__type\":\"SerializationException\""));
    }

    @Test
    void emptyBodyIsAnEmptyRequest() {
        given().contentType(AMZ_JSON)
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService.InitiateAuth")
                .post("/")
                .then()
                .statusCode(400)
                .body(containsString("\"__type\":\"InvalidParameterException\""))
                .body(containsString("'clientId' failed to satisfy constraint"));
    }

    @Test
    void browsersGetThePreflightAndTheExposedHeaders() {
        given().header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST")
                .header(
                        "Access-Control-Request-Headers",
                        "content-type,x-amz-target,x-amz-user-agent,cache-control")
                .options("/")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Access-Control-Allow-Headers", containsString("x-amz-target"));
        given().header("Origin", "http://localhost:3000")
                .contentType(AMZ_JSON)
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService.Nope")
                .post("/")
                .then()
                .header("Access-Control-Expose-Headers", containsString("x-amzn-ErrorType"));
    }
}
