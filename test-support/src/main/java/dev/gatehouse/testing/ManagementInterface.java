package dev.gatehouse.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.net.URL;

/** What every service promises about its management interface (metrics off the public port). */
public final class ManagementInterface {

    private ManagementInterface() {}

    /**
     * Metrics answer only on the management interface ({@code management} is its {@code /q/} root);
     * the public port refuses them and still serves health.
     */
    public static void servesMetricsThereOnly(URL management) {
        given().get("/q/metrics")
                .then()
                .statusCode(anyOf(is(403), is(404)))
                .body(not(containsString("# TYPE")));
        given().get(management + "metrics")
                .then()
                .statusCode(200)
                .body(containsString("# TYPE jvm_"));
        given().get("/q/health/live").then().statusCode(200);
    }
}
