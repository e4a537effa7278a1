package dev.gatehouse.stores;

import static io.restassured.RestAssured.given;

import dev.gatehouse.testing.SigV4Signing;
import io.restassured.specification.RequestSpecification;

/** IAM principals configured for tests in src/test/resources/META-INF, and signed requests. */
public final class TestCallers {

    /** May invoke GET /stores and GET /stores/{id}. */
    public static final SigV4Signing READER =
            SigV4Signing.as("AKIASTORESTESTREADER", "StoresServiceTestReaderSecret00000000000");

    /** Has no policy at all. */
    public static final SigV4Signing NOBODY =
            SigV4Signing.as("AKIASTORESTESTNOBODY", "StoresServiceTestNobodySecret00000000000");

    /** Allowed everything, explicitly denied GET /stores/{id}. */
    public static final SigV4Signing DENIED =
            SigV4Signing.as("AKIASTORESTESTDENIED", "StoresServiceTestDeniedSecret00000000000");

    /** apigateway:GET and apigateway:PATCH on usage plans (signs for service apigateway). */
    public static final SigV4Signing ADMIN =
            SigV4Signing.as("AKIASTORESTESTADMIN2", "StoresServiceTestAdminSecret000000000000")
                    .forService("apigateway");

    private TestCallers() {}

    /** A request signed by {@link #ADMIN}. */
    public static RequestSpecification asAdmin() {
        return given().filter(ADMIN);
    }

    /** A request signed by {@link #READER}. */
    public static RequestSpecification signed() {
        return given().filter(READER);
    }
}
