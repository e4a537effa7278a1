package dev.gatehouse.auth.cognito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.auth.api.AwsIamRequired;
import dev.gatehouse.auth.api.CognitoUserPoolsRequired;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class IssuerRequirementTest {

    @CognitoUserPoolsRequired
    static class WholeClass {}

    static class OneMethod {
        @CognitoUserPoolsRequired
        public void search() {}

        public void open() {}
    }

    static class IamOnly {
        @AwsIamRequired
        public void list() {}
    }

    @Test
    void findsClassesWithACognitoRouteOnTheClassOrAMethod() {
        assertEquals(
                List.of(OneMethod.class.getName(), WholeClass.class.getName()),
                IssuerRequirement.protectedRoutes(
                        Stream.of(IamOnly.class, WholeClass.class, OneMethod.class, String.class)));
        assertEquals(
                List.of(),
                IssuerRequirement.protectedRoutes(Stream.of(IamOnly.class, Object.class)));
    }

    @Test
    void theMessageNamesTheSettingAndTheRoutes() {
        String message = IssuerRequirement.missingIssuer(List.of("a.OrdersResource"));
        assertTrue(
                message.startsWith(
                        "gatehouse.cognito.issuer is required by the @CognitoUserPoolsRequired"
                                + " routes of a.OrdersResource."));
        assertTrue(message.contains("GATEHOUSE_COGNITO_ISSUER"), message);
        assertTrue(message.contains("gatehouse.cognito.enabled=false"), message);
    }
}
