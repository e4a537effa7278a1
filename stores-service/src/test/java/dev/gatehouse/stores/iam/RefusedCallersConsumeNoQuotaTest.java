package dev.gatehouse.stores.iam;

import static io.restassured.RestAssured.given;

import dev.gatehouse.stores.TestCallers;
import dev.gatehouse.stores.TestKeys;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The authorizer runs before the usage plan (spec 1.1): a request the IAM authorizer refuses uses
 * none of its key's quota. The key here has a quota of one request a month, so a refused request
 * that was counted would turn the signed request after it into a 429.
 */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class RefusedCallersConsumeNoQuotaTest {

    @Test
    void unsignedAndDeniedRequestsUseNoQuota() {
        given().header("x-api-key", TestKeys.QUOTA_ONE)
                .get("/stores")
                .then()
                .statusCode(403)
                .header("x-amzn-ErrorType", "MissingAuthenticationTokenException");
        given().filter(TestCallers.NOBODY)
                .header("x-api-key", TestKeys.QUOTA_ONE)
                .get("/stores")
                .then()
                .statusCode(403)
                .header("x-amzn-ErrorType", "AccessDeniedException");

        given().filter(TestCallers.READER)
                .header("x-api-key", TestKeys.QUOTA_ONE)
                .get("/stores")
                .then()
                .statusCode(200);
        given().filter(TestCallers.READER)
                .header("x-api-key", TestKeys.QUOTA_ONE)
                .get("/stores")
                .then()
                .statusCode(429)
                .header("x-amzn-ErrorType", "LimitExceededException");
    }
}
