package dev.gatehouse.auth.iam.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Context keys are case-insensitive, held lower-cased, and the request is immutable. */
class AuthorizationRequestTest {

    @Test
    void holdsContextKeysLowerCased() {
        AuthorizationRequest request =
                new AuthorizationRequest(
                        "execute-api:Invoke",
                        "arn",
                        Map.of(
                                "aws:SourceIp", List.of("10.0.0.1"),
                                "aws:PrincipalTag/Team", List.of("ops")));

        assertEquals(List.of("10.0.0.1"), request.context().get("aws:sourceip"));
        assertEquals(List.of("ops"), request.values("AWS:PRINCIPALTAG/TEAM"));
        assertFalse(request.context().containsKey("aws:SourceIp"));
    }

    @Test
    void mergesKeysThatDifferOnlyInCaseAndDropsEmptyOnes() {
        Map<String, List<String>> context = new HashMap<>();
        context.put("aws:TagKeys", List.of("a"));
        context.put("AWS:tagkeys", List.of("b"));
        context.put("aws:username", List.of());

        AuthorizationRequest request = new AuthorizationRequest("a:b", "arn", context);

        assertEquals(2, request.values("aws:tagkeys").size());
        assertFalse(request.context().containsKey("aws:username"));
        assertEquals(List.of(), request.values("aws:username"));
    }

    @Test
    void copiesTheContextSoLaterChangesDoNotLeakIn() {
        Map<String, List<String>> context = new HashMap<>();
        context.put("aws:username", List.of("alice"));
        AuthorizationRequest request = new AuthorizationRequest("a:b", "arn", context);

        context.put("aws:username", List.of("mallory"));

        assertEquals(List.of("alice"), request.values("aws:username"));
        assertThrows(
                UnsupportedOperationException.class, () -> request.context().put("x:y", List.of()));
    }

    @Test
    void aNullContextIsEmpty() {
        assertEquals(Map.of(), new AuthorizationRequest("a:b", "arn", null).context());
    }
}
