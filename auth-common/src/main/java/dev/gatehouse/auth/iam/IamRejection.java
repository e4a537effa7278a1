package dev.gatehouse.auth.iam;

import dev.gatehouse.auth.api.GatewayResponseType;
import dev.gatehouse.auth.api.GatewayResponses;
import dev.gatehouse.auth.sigv4.SigV4Rejection;
import jakarta.ws.rs.core.Response;

/**
 * Why the IAM authorizer refused a request, ready to render on either HTTP stack (JAX-RS routes,
 * Vert.x management routes).
 *
 * @param body the exact JSON body
 */
public record IamRejection(int status, String errorType, String body) {

    static IamRejection of(SigV4Rejection rejection) {
        return new IamRejection(
                403, rejection.errorType(), GatewayResponses.messageBody(rejection.message()));
    }

    static IamRejection accessDenied(String message) {
        return new IamRejection(
                403, "AccessDeniedException", GatewayResponses.messageBody("Message", message));
    }

    /**
     * API Gateway's answer to a request for a host it does not serve (403 {@code
     * {"message":"Forbidden"}}, as for a missing API key; UNVERIFIED for this case).
     */
    static IamRejection forbidden() {
        return new IamRejection(
                403, "ForbiddenException", GatewayResponses.messageBody("Forbidden"));
    }

    /** A signature already accepted once on a replay-protected route (our own message). */
    static IamRejection replayed() {
        return new IamRejection(
                403,
                "InvalidSignatureException",
                GatewayResponses.messageBody(
                        "Signature has already been used. Sign each request anew."));
    }

    /**
     * A request carrying a body to a route that never reads one: its bytes are not hashed, so the
     * signature cannot be shown to cover them, and it is refused as a signature mismatch (API
     * Gateway hashes the body it receives; a body added after signing never matches there either).
     */
    public static IamRejection unverifiableBody() {
        return new IamRejection(
                403,
                "InvalidSignatureException",
                GatewayResponses.messageBody(
                        "The request signature we calculated does not match the signature you"
                                + " provided. Check your AWS Secret Access Key and signing method."
                                + " Consult the service documentation for details."));
    }

    static IamRejection of(GatewayResponseType type) {
        return new IamRejection(
                type.status(),
                type.errorType(),
                GatewayResponses.messageBody(type.defaultMessage()));
    }

    public Response toResponse() {
        return Response.status(status)
                .type("application/json")
                .header(GatewayResponses.ERROR_TYPE_HEADER, errorType)
                .entity(body)
                .build();
    }
}
