package dev.gatehouse.auth.usageplan.controlplane;

/**
 * A refusal of the API Gateway control plane: status, {@code x-amzn-ErrorType} and message, as AWS
 * returns them (REST-JSON: body {@code {"message":"..."}}).
 */
public final class ControlPlaneException extends RuntimeException {

    private final int status;
    private final String errorType;

    private ControlPlaneException(int status, String errorType, String message) {
        super(message, null, false, false);
        this.status = status;
        this.errorType = errorType;
    }

    public static ControlPlaneException badRequest(String message) {
        return new ControlPlaneException(400, "BadRequestException", message);
    }

    public static ControlPlaneException notFound(String message) {
        return new ControlPlaneException(404, "NotFoundException", message);
    }

    public static ControlPlaneException conflict(String message) {
        return new ControlPlaneException(409, "ConflictException", message);
    }

    public static ControlPlaneException limitExceeded(String message) {
        return new ControlPlaneException(429, "LimitExceededException", message);
    }

    public static ControlPlaneException tooManyRequests(String message) {
        return new ControlPlaneException(429, "TooManyRequestsException", message);
    }

    static ControlPlaneException noSuchKey() {
        return notFound("Invalid API Key identifier specified");
    }

    static ControlPlaneException noSuchPlan() {
        return notFound("Invalid Usage Plan ID specified");
    }

    public int status() {
        return status;
    }

    public String errorType() {
        return errorType;
    }
}
