package dev.gatehouse.stores.metering;

import static dev.gatehouse.stores.TestCallers.signed;
import static org.hamcrest.Matchers.equalTo;

import dev.gatehouse.stores.TestKeys;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Redis stopped under a running stores-service: a fail-closed plan answers 503, then recovers. */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class RedisOutageOnStoresTest {

    @Test
    void failClosedPlanAnswers503WhileRedisIsDownAndRecoversAlone() {
        signed().header("x-api-key", TestKeys.FAIL_CLOSED)
                .get("/stores/lis-001")
                .then()
                .statusCode(200);
        RedisTestResource.stopStandalone();
        try {
            signed().header("x-api-key", TestKeys.FAIL_CLOSED)
                    .get("/stores/lis-001")
                    .then()
                    .statusCode(503)
                    .header("x-amzn-ErrorType", "ServiceUnavailableException")
                    .body(equalTo("{\"message\":\"Service Unavailable\"}"));
            signed().header("x-api-key", "NeverProvisionedKeyValue00")
                    .get("/stores/lis-001")
                    .then()
                    .statusCode(403);
        } finally {
            RedisTestResource.restartStandalone();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int status = 0;
        while (status != 200 && System.nanoTime() < deadline) {
            status =
                    signed().header("x-api-key", TestKeys.FAIL_CLOSED)
                            .get("/stores/lis-001")
                            .statusCode();
        }
        signed().header("x-api-key", TestKeys.FAIL_CLOSED)
                .get("/stores/lis-001")
                .then()
                .statusCode(200);
    }
}
