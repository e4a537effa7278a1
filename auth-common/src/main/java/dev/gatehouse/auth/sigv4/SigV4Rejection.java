package dev.gatehouse.auth.sigv4;

import dev.gatehouse.auth.api.GatewayResponses;
import jakarta.ws.rs.core.Response;

/**
 * Why a SigV4 request was refused: always 403, with the message and {@code x-amzn-ErrorType} of
 * api-gateway-and-iam.md section 4.9.
 */
public record SigV4Rejection(String errorType, String message) implements SignatureParse {

    static SigV4Rejection missingToken() {
        return new SigV4Rejection(
                "MissingAuthenticationTokenException", "Missing Authentication Token");
    }

    static SigV4Rejection incomplete(String message) {
        return new SigV4Rejection("IncompleteSignatureException", message);
    }

    static SigV4Rejection invalidSignature(String message) {
        return new SigV4Rejection("InvalidSignatureException", message);
    }

    /** An unknown access key, or a missing or wrong session token. */
    public static SigV4Rejection invalidToken() {
        return new SigV4Rejection(
                "AccessDeniedException", "The security token included in the request is invalid.");
    }

    /** Temporary credentials past their expiry. */
    public static SigV4Rejection expiredToken() {
        return new SigV4Rejection(
                "ExpiredTokenException", "The security token included in the request is expired");
    }

    /** The API Gateway-shaped response. */
    public Response toResponse() {
        return GatewayResponses.error(403, errorType, message);
    }
}
