package dev.gatehouse.auth.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GatewayResponsesTest {

    @Test
    void writesTheCompactEnvelopeApiGatewayUses() {
        // 23 bytes, the Content-Length seen on real API Gateway 403s.
        assertEquals("{\"message\":\"Forbidden\"}", GatewayResponses.messageBody("Forbidden"));
        assertEquals(23, GatewayResponses.messageBody("Forbidden").length());
    }

    @Test
    void escapesTheMessageAsAJsonString() {
        assertEquals(
                "{\"message\":\"a \\\"b\\\" \\\\ c\\n\\u0001\"}",
                GatewayResponses.messageBody("a \"b\" \\ c\n\u0001"));
    }

    @Test
    void carriesTheAwsStatusAndErrorType() {
        var response = GatewayResponses.of(GatewayResponseType.QUOTA_EXCEEDED);
        assertEquals(429, response.getStatus());
        assertEquals(
                "LimitExceededException",
                response.getHeaderString(GatewayResponses.ERROR_TYPE_HEADER));
        assertEquals("{\"message\":\"Limit Exceeded\"}", response.getEntity());
    }
}
