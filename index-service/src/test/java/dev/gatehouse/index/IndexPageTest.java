package dev.gatehouse.index;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.index.StoresServiceStub.Behaviour;
import dev.gatehouse.testing.ManagementInterface;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = StoresServiceStub.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class IndexPageTest {

    /** The management interface's {@code /q/} root (loopback, its own port). */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void servesMetricsOnTheManagementInterfaceOnlyAndHealthOnThePublicPort() {
        ManagementInterface.servesMetricsThereOnly(management);
    }

    @BeforeEach
    void healthy() {
        StoresServiceStub.reset();
    }

    @AfterEach
    void restore() {
        StoresServiceStub.reset();
    }

    @Test
    void listsStoresWithNameCategoryAndCity() {
        given().get("/")
                .then()
                .statusCode(200)
                .contentType("text/html")
                .body(containsString("Étoile Boulangerie"))
                .body(containsString("bakery"))
                .body(containsString("Paris"))
                .body(containsString("<form method=\"get\" action=\"/\""));
        assertEquals("GET /stores?limit=8 ", StoresServiceStub.requests.get(0));
    }

    @Test
    void escapesStoreDataInTheHtml() {
        given().get("/")
                .then()
                .statusCode(200)
                .body(containsString("Café &lt;Lumière&gt;"))
                .body(not(containsString("<Lumière>")));
    }

    @Test
    void searchesThroughStoresService() {
        given().queryParam("q", "café")
                .get("/")
                .then()
                .statusCode(200)
                .body(containsString("2 stores match"));
        String request = StoresServiceStub.requests.get(0);
        // The server-side search: IAM-signed GET /stores?query= (POST /stores/search takes a
        // user's Cognito token), the percent-encoded word inside the signature.
        assertTrue(request.startsWith("GET /stores?"), request);
        assertTrue(request.contains("query=caf%C3%A9"), request);
        assertTrue(request.contains("limit=20"), request);
    }

    @Test
    void retriesOnceWhenStoresServiceFails() {
        StoresServiceStub.behaviour = Behaviour.FAIL_ONCE_THEN_HEALTHY;
        given().get("/").then().statusCode(200).body(containsString("Paris"));
        assertEquals(2, StoresServiceStub.requests.size());
    }

    @Test
    void explainsAnOutageWithAFriendlyPage() {
        StoresServiceStub.behaviour = Behaviour.ALWAYS_500;
        given().get("/")
                .then()
                .statusCode(503)
                .contentType("text/html")
                .body(containsString("could not reach the stores catalogue"))
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
        assertEquals(2, StoresServiceStub.requests.size(), "one call and one retry");
    }

    @Test
    void explainsAnOutageWhenStoresServiceIsDown() {
        StoresServiceStub.down();
        try {
            given().get("/")
                    .then()
                    .statusCode(503)
                    .body(containsString("could not reach the stores catalogue"));
        } finally {
            StoresServiceStub.up();
        }
    }

    @Test
    void givesUpOnASlowStoresServiceQuickly() {
        StoresServiceStub.behaviour = Behaviour.TOO_SLOW;
        long started = System.nanoTime();
        given().get("/").then().statusCode(503);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 3_500, "took " + millis + " ms");
    }

    @Test
    void showsWhyASearchWasRejectedWithoutRetrying() {
        StoresServiceStub.behaviour = Behaviour.REJECTS_WITH_400;
        given().queryParam("q", "x".repeat(250))
                .get("/")
                .then()
                .statusCode(400)
                .body(containsString("query must be at most 200 characters"));
        assertEquals(1, StoresServiceStub.requests.size());
    }

    @Test
    void offersAnAnonymousVisitorSignInAndSignUpButNoOrderForm() {
        given().get("/")
                .then()
                .statusCode(200)
                .body(containsString("<a href=\"/signin\" id=\"sign-in\">Sign in</a>"))
                .body(containsString("<a href=\"/signup\" id=\"sign-up\">Sign up</a>"))
                .body(not(containsString("action=\"/orders\"")))
                .body(not(containsString("Hello,")));
    }

    @Test
    void keepsSignedInPagesClosedWhenNoUserPoolIsConfigured() {
        // No issuer in this test: sign-in is off, and the signed-in pages open to nobody.
        given().redirects().follow(false).get("/orders").then().statusCode(401);
        given().redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("storeId", "lis-001")
                .formParam("item", "Coffee")
                .post("/orders")
                .then()
                .statusCode(401);
        assertEquals(0, StoresServiceStub.requests.size(), "nothing reached stores-service");
    }

    @Test
    void refusesASignOutFormWithoutItsCsrfToken() {
        given().redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("anything", "x")
                .post("/signout")
                .then()
                .statusCode(400);
    }

    @Test
    void answersAnUnknownRouteAsApiGatewayDoes() {
        given().get("/admin")
                .then()
                .statusCode(403)
                .body(equalTo("{\"message\":\"Missing Authentication Token\"}"));
    }

    @Test
    void isReadyWithoutStoresService() {
        StoresServiceStub.down();
        try {
            given().get("/q/health/ready").then().statusCode(200);
        } finally {
            StoresServiceStub.up();
        }
    }
}
