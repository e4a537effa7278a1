package dev.gatehouse.identity.sts;

/**
 * STS's error codes and messages (Query protocol), chosen here once. Public for the web identity
 * verifier ({@link WebIdentities}), which answers in STS's errors.
 */
public final class StsErrors {

    private StsErrors() {}

    static StsException validation(String message) {
        return new StsException("ValidationError", message, 400);
    }

    static StsException constraint(String value, String member, String constraint) {
        return validation(
                "1 validation error detected: Value '"
                        + value
                        + "' at '"
                        + member
                        + "' failed to satisfy constraint: "
                        + constraint);
    }

    static StsException missing(String member) {
        return validation(
                "1 validation error detected: Value null at '"
                        + member
                        + "' failed to satisfy constraint: Member must not be null");
    }

    static StsException accessDenied(String message) {
        return new StsException("AccessDenied", message, 403);
    }

    public static StsException invalidIdentityToken(String message) {
        return new StsException("InvalidIdentityToken", message, 400);
    }

    public static StsException expiredToken(String message) {
        return new StsException("ExpiredTokenException", message, 400);
    }

    static StsException invalidAction(String action) {
        return new StsException(
                "InvalidAction",
                "Could not find operation " + action + " for version 2011-06-15",
                400);
    }

    /** Past STS's request quota: what the SDKs retry as throttling. */
    static StsException throttling() {
        return new StsException("Throttling", "Rate exceeded", 400);
    }

    static StsException internal() {
        return new StsException("InternalFailure", "An internal error occurred.", 500);
    }
}
