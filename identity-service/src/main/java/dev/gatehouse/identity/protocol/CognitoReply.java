package dev.gatehouse.identity.protocol;

import dev.gatehouse.auth.api.GatewayResponses;
import dev.gatehouse.auth.api.HeaderValues;
import java.nio.charset.StandardCharsets;

/**
 * A rendered answer: status and JSON body. Errors carry {@code {"__type","message"}} in the body
 * and the same values in {@code x-amzn-ErrorType} (with Cognito's trailing colon) and {@code
 * x-amzn-ErrorMessage}, so every client family finds them where it looks (spec 1.3).
 */
public record CognitoReply(int status, byte[] body, String errorType, String errorMessage) {

    public static CognitoReply ok(byte[] body) {
        return new CognitoReply(200, body, null, null);
    }

    public static CognitoReply error(CognitoException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String body =
                message.isEmpty()
                        ? "{\"__type\":\"" + e.type() + "\"}"
                        : "{\"__type\":\""
                                + e.type()
                                + "\","
                                + GatewayResponses.messageBody(message).substring(1);
        // A header carries visible ASCII only, and clients cap its size (the message echoes client
        // input, and InvalidSignatureException the canonical request on several lines): the body
        // keeps the message whole, the header a safe copy.
        return new CognitoReply(
                e.status(),
                body.getBytes(StandardCharsets.UTF_8),
                e.type() + ":",
                HeaderValues.safe(message));
    }
}
