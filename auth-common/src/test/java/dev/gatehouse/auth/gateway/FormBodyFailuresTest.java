package dev.gatehouse.auth.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * A form body Quarkus REST cannot decode is answered as API Gateway answers a bad body (400 {@code
 * BadRequestException}), not as an internal error: this pins the framework's untyped exceptions
 * {@link FormBodyFailures} recognizes, so an upgrade that changes them fails here.
 */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class FormBodyFailuresTest {

    private static void expectBadRequest(String body) {
        given().contentType("application/x-www-form-urlencoded")
                .body(body)
                .post("/hostile/form")
                .then()
                .statusCode(400)
                .header("x-amzn-ErrorType", "BadRequestException")
                .body("message", equalTo("Invalid request body"));
    }

    @Test
    void aReadableFormReachesTheResource() {
        given().contentType("application/x-www-form-urlencoded")
                .body("name=abc&x=1")
                .post("/hostile/form")
                .then()
                .statusCode(200)
                .body("name", equalTo("3"));
    }

    @Test
    void aBrokenPercentEscapeIsABadRequest() {
        expectBadRequest("name=%zz");
        expectBadRequest("name=abc%");
    }

    @Test
    void moreFieldsThanTheParameterLimitIsABadRequest() {
        expectBadRequest("name=a&" + "x=1&".repeat(2_000));
    }
}
