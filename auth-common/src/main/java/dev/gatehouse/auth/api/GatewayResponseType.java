package dev.gatehouse.auth.api;

/**
 * The responses API Gateway generates itself ("gateway responses"), with the default status,
 * message and {@code x-amzn-ErrorType} that real AWS clients see. Spec: api-gateway-and-iam.md
 * sections 1.2 and 1.3.
 */
public enum GatewayResponseType {
    /** No route matches the method and path (REST APIs answer 403, not 404). */
    MISSING_AUTHENTICATION_TOKEN(
            403, "Missing Authentication Token", "MissingAuthenticationTokenException"),
    /** API key missing, empty, unknown, disabled, or not in a plan for this API. */
    INVALID_API_KEY(403, "Forbidden", "ForbiddenException"),
    /** Usage plan quota used up for the period. */
    QUOTA_EXCEEDED(429, "Limit Exceeded", "LimitExceededException"),
    /** Any throttle bucket is empty. */
    THROTTLED(429, "Too Many Requests", "TooManyRequestsException"),
    /** No valid bearer token on a Cognito-protected route. */
    UNAUTHORIZED(401, "Unauthorized", "UnauthorizedException"),
    /** The request body or parameters fail validation; the message names the field. */
    BAD_REQUEST_BODY(400, "Invalid request body", "BadRequestException"),
    /** A backend dependency is down and the configured policy is to fail closed. */
    SERVICE_UNAVAILABLE(503, "Service Unavailable", "ServiceUnavailableException"),
    /** An unexpected failure inside the suite; details go to the log, never to the client. */
    INTERNAL_ERROR(500, "Internal server error", "InternalServerErrorException");

    private final int status;
    private final String defaultMessage;
    private final String errorType;

    GatewayResponseType(int status, String defaultMessage, String errorType) {
        this.status = status;
        this.defaultMessage = defaultMessage;
        this.errorType = errorType;
    }

    public int status() {
        return status;
    }

    public String defaultMessage() {
        return defaultMessage;
    }

    /** The bare exception name sent in {@code x-amzn-ErrorType}. */
    public String errorType() {
        return errorType;
    }
}
