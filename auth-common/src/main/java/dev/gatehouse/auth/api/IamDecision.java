package dev.gatehouse.auth.api;

/**
 * The answer of {@link IamAuthorization}: the caller, allowed; or API Gateway's refusal, which a
 * service re-shapes into its own protocol's error (Cognito's JSON errors, STS's XML).
 */
public sealed interface IamDecision {

    /** Allowed; {@code caller} is who signed (principal, ARN, access key, session facts). */
    record Allowed(RequestIdentity caller) implements IamDecision {}

    /**
     * Refused.
     *
     * @param status API Gateway's HTTP status (403, or 503 when the credentials could not be read)
     * @param errorType API Gateway's {@code x-amzn-ErrorType}, e.g. {@code
     *     InvalidSignatureException}, {@code AccessDeniedException}
     * @param message the message API Gateway would send; names no secret
     */
    record Refused(int status, String errorType, String message) implements IamDecision {}
}
