package dev.gatehouse.stores.iam;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.gatehouse.stores.TestCallers;
import dev.gatehouse.stores.TestKeys;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * GET /stores and GET /stores/{id} are AWS_IAM + API key, checked in API Gateway's order
 * (signature, then policy, then key and usage plan); the admin routes need apigateway:GET/PATCH.
 */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class IamOnStoresTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void signedAndKeyedCallerListsStores() {
        given().filter(TestCallers.READER)
                .header("x-api-key", TestKeys.UNLIMITED)
                .get("/stores/lis-001")
                .then()
                .statusCode(200)
                .body("id", equalTo("lis-001"));
    }

    @Test
    void authenticationComesBeforeTheApiKey() {
        // A disabled key would be refused with Forbidden if the key were checked first.
        given().header("x-api-key", TestKeys.DISABLED)
                .get("/stores")
                .then()
                .statusCode(403)
                .header("x-amzn-ErrorType", "MissingAuthenticationTokenException");
        given().filter(TestCallers.READER)
                .get("/stores")
                .then()
                .statusCode(403)
                .header("x-amzn-ErrorType", "ForbiddenException")
                .body(equalTo("{\"message\":\"Forbidden\"}"));
    }

    @Test
    void policyIsCheckedBeforeTheUsagePlan() {
        // A disabled key would be refused with Forbidden if the plan were checked first (that a
        // denied caller consumes no quota is RefusedCallersConsumeNoQuotaTest's).
        given().filter(TestCallers.NOBODY)
                .header("x-api-key", TestKeys.DISABLED)
                .get("/stores")
                .then()
                .statusCode(403)
                .header("x-amzn-ErrorType", "AccessDeniedException")
                .body(
                        "Message",
                        equalTo(
                                "User: arn:aws:iam::123456789012:user/nobody is not authorized to"
                                    + " perform: execute-api:Invoke on resource:"
                                    + " arn:aws:execute-api:us-east-1:********9012:stores-service/dev/GET/stores"
                                    + " because no identity-based policy allows the"
                                    + " execute-api:Invoke action"));
    }

    @Test
    void explicitDenyOnOneStore() {
        given().filter(TestCallers.DENIED)
                .header("x-api-key", TestKeys.UNLIMITED)
                .get("/stores")
                .then()
                .statusCode(200);
        given().filter(TestCallers.DENIED)
                .header("x-api-key", TestKeys.UNLIMITED)
                .get("/stores/lis-001")
                .then()
                .statusCode(403)
                .body("Message", containsString("GET/stores/lis-001 with an explicit deny"));
    }

    @Test
    void aSignatureIsNoSubstituteForTheUserPoolTokenOfSearch() {
        given().filter(TestCallers.READER)
                .contentType("application/json")
                .body("{\"query\":\"cafe\"}")
                .post("/stores/search")
                .then()
                .statusCode(401)
                .body("message", equalTo("Unauthorized"));
    }

    @Test
    void searchesServerSideThroughTheSignedListing() {
        given().filter(TestCallers.READER)
                .header("x-api-key", TestKeys.UNLIMITED)
                .queryParam("query", "Café")
                .queryParam("limit", 3)
                .get("/stores")
                .then()
                .statusCode(200)
                .body("$", hasSize(3))
                .body("[0].distanceKm", nullValue());
        given().filter(TestCallers.READER)
                .header("x-api-key", TestKeys.UNLIMITED)
                .queryParam("query", "!!!")
                .get("/stores")
                .then()
                .statusCode(400)
                .body("message", equalTo("query must contain at least one letter or digit"));
        given().header("x-api-key", TestKeys.UNLIMITED)
                .queryParam("query", "cafe")
                .get("/stores")
                .then()
                .statusCode(403)
                .body("message", equalTo("Missing Authentication Token"));
    }

    @Test
    void usageReportsNeedASignedAdmin() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String report =
                managementRoot()
                        + "/usageplans/test/usage?startDate="
                        + today
                        + "&endDate="
                        + today;
        given().get(report)
                .then()
                .statusCode(403)
                .header("x-amzn-ErrorType", "MissingAuthenticationTokenException");
        // The reader's policy says nothing about apigateway:GET; and it signed for execute-api.
        given().filter(TestCallers.READER.forService("apigateway"))
                .get(report)
                .then()
                .statusCode(403)
                .body(
                        "Message",
                        equalTo(
                                "User: arn:aws:iam::123456789012:user/reader is not authorized to"
                                    + " perform: apigateway:GET on resource:"
                                    + " arn:aws:apigateway:us-east-1::/usageplans/test/usage"
                                    + " because no identity-based policy allows the apigateway:GET"
                                    + " action"));
        given().filter(TestCallers.READER)
                .get(report)
                .then()
                .statusCode(403)
                .header("x-amzn-ErrorType", "InvalidSignatureException")
                .body("message", containsString("correct service"));
        TestCallers.asAdmin().get(report).then().statusCode(200);
    }

    /** The management interface's root (usage reports hang off it, not off /q). */
    String managementRoot() {
        return management.getProtocol() + "://" + management.getHost() + ":" + management.getPort();
    }
}
