package dev.gatehouse.stores.catalog;

import static dev.gatehouse.stores.TestCallers.signed;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.gatehouse.stores.TestKeys;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import org.junit.jupiter.api.Test;

/**
 * A Redis master frozen (SIGSTOP: the connection stays open, nothing answers) or failing over must
 * not hold GET /stores: after gatehouse.stores.catalog.redis-timeout the last listing is served.
 * Found by bench/faults.sh (fault 2), where such requests waited until the master came back.
 */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class CatalogThroughRedisFreezeTest {

    private static final RestAssuredConfig SIX_SECONDS =
            RestAssuredConfig.config()
                    .httpClient(
                            HttpClientConfig.httpClientConfig()
                                    .setParam("http.socket.timeout", 6000)
                                    .setParam("http.connection.timeout", 6000));

    @Test
    void listsTheLastListingWhileRedisIsFrozen() throws Exception {
        signed().header("x-api-key", TestKeys.UNLIMITED)
                .get("/stores")
                .then()
                .statusCode(200)
                .body("$", hasSize(8));
        long pid = RedisTestResource.standalone().pid().orElseThrow();
        signal("STOP", pid);
        try {
            signed().config(SIX_SECONDS)
                    .header("x-api-key", TestKeys.UNLIMITED)
                    .get("/stores")
                    .then()
                    .statusCode(200)
                    .body("$", hasSize(8))
                    .body("[0].id", equalTo("lis-001"));
        } finally {
            signal("CONT", pid);
        }
    }

    private static void signal(String signal, long pid) throws Exception {
        new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
    }
}
