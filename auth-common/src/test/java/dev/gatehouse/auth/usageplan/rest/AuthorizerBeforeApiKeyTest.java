package dev.gatehouse.auth.usageplan.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.gatehouse.testing.RedisTestResource;
import dev.gatehouse.testing.SigV4Signing;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On a route that is both {@code AWS_IAM} and keyed, the authorizer runs first and the API key
 * check after it, as in API Gateway, whether the route reads a body or not: an unsigned caller gets
 * 403 Missing Authentication Token whatever key it sends, spends no quota, and learns nothing about
 * the key. Real routes, real HTTP, real Redis, the AWS SDK signer.
 */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class AuthorizerBeforeApiKeyTest {

    static final SigV4Signing LOCAL =
            SigV4Signing.as("AKIAAUTHTESTLOCAL222", "AuthCommonLocalSecret0000000000000000000");

    /** dailyKey's plan allows 2 requests a day; weeklyKey's 2 a week. */
    private static RequestSpecification call(String method, String key) {
        RequestSpecification request = given().header("x-api-key", key);
        return "POST".equals(method)
                ? request.contentType("application/json").body("{\"q\":1}")
                : request;
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "GET"})
    void unsignedCallerWithAValidKeyIsRefusedByTheAuthorizerAndSpendsNoQuota(String method) {
        String key =
                "POST".equals(method) ? "DailyKeyValueForTests00001" : "WeeklyKeyValueForTests0001";
        for (String sent : new String[] {key, key, key, "NoSuchKeyValueAtAll000000", key}) {
            call(method, sent)
                    .request(method, "/keyed-iam/echo")
                    .then()
                    .statusCode(403)
                    .header("x-amzn-ErrorType", "MissingAuthenticationTokenException")
                    .body(equalTo("{\"message\":\"Missing Authentication Token\"}"));
        }
        for (int i = 0; i < 2; i++) {
            call(method, key)
                    .filter(LOCAL)
                    .request(method, "/keyed-iam/echo")
                    .then()
                    .statusCode(200)
                    .body("userArn", equalTo("arn:aws:iam::123456789012:user/local"));
        }
        call(method, key)
                .filter(LOCAL)
                .request(method, "/keyed-iam/echo")
                .then()
                .statusCode(429)
                .header("x-amzn-ErrorType", "LimitExceededException");
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "GET"})
    void signedCallerWithoutAValidKeyIsRefusedByTheKeyCheck(String method) {
        call(method, "NoSuchKeyValueAtAll000000")
                .filter(LOCAL)
                .request(method, "/keyed-iam/echo")
                .then()
                .statusCode(403)
                .header("x-amzn-ErrorType", "ForbiddenException")
                .body(equalTo("{\"message\":\"Forbidden\"}"));
    }
}
