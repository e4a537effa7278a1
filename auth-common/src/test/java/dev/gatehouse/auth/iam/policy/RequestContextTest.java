package dev.gatehouse.auth.iam.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The context the IAM authorizer builds per request from a caller's fixed part and the request's
 * global keys reads exactly like the eager map it replaces, and the policy request keeps it as is.
 */
class RequestContextTest {

    static final Instant NOW = Instant.parse("2026-12-03T09:00:00.123Z");

    @Test
    void readsLikeTheEagerlyNormalisedMap() {
        Map<String, List<String>> fixed =
                RequestContext.normalized(
                        Map.of(
                                "aws:PrincipalArn", List.of("arn:aws:iam::123456789012:role/r"),
                                "cognito-identity.amazonaws.com:sub", List.of("us-east-1:abc"),
                                "cognito-identity.amazonaws.com:amr",
                                        List.of("authenticated", "cognito-idp.example/p")));
        RequestContext lazy = RequestContext.of(fixed, NOW, "10.0.0.1", false, "aws-cli/2", null);

        Map<String, List<String>> eager = new HashMap<>(fixed);
        eager.put("aws:currenttime", List.of(NOW.toString()));
        eager.put("aws:epochtime", List.of(Long.toString(NOW.getEpochSecond())));
        eager.put("aws:sourceip", List.of("10.0.0.1"));
        eager.put("aws:securetransport", List.of("false"));
        eager.put("aws:useragent", List.of("aws-cli/2"));
        assertEquals(eager, lazy);
        assertEquals(lazy, eager);
        for (String key : eager.keySet()) {
            assertEquals(eager.get(key), lazy.get(key), key);
        }
        assertNull(lazy.get("aws:referer"));
        assertFalse(lazy.containsKey("aws:referer"));
        assertNull(lazy.get("aws:CurrentTime")); // keys are looked up lower-cased
    }

    @Test
    void theCallersKeysWinOverTheRequestsOwn() {
        Map<String, List<String>> fixed =
                RequestContext.normalized(Map.of("aws:SourceIp", List.of("192.0.2.1")));
        RequestContext context = RequestContext.of(fixed, NOW, "10.0.0.1", true, null, null);
        assertEquals(List.of("192.0.2.1"), context.get("aws:sourceip"));
    }

    @Test
    void authorizationRequestKeepsItAsGivenAndReadsItInAnyCase() {
        RequestContext context =
                RequestContext.of(Map.of(), NOW, "10.0.0.1", true, null, "https://example.com");
        AuthorizationRequest request =
                new AuthorizationRequest("execute-api:Invoke", "arn:aws:execute-api:*", context);
        assertSame(context, request.context());
        assertEquals(List.of("10.0.0.1"), request.values("aws:SourceIp"));
        assertEquals(List.of("https://example.com"), request.values("AWS:Referer"));
        assertEquals(List.of(), request.values("aws:UserAgent"));
    }
}
