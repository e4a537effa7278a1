package dev.gatehouse.identity.oauth;

/**
 * An RFC 6749 section 5.2 error of the token endpoint: {@code {"error":"..."}} with status 400, or
 * 401 for {@code invalid_client} (with {@code WWW-Authenticate: Basic} when the client tried HTTP
 * Basic). Cognito's bodies carry only {@code error}; the reason is logged at DEBUG instead.
 */
public final class OAuthError extends RuntimeException {

    private final String error;
    private final int status;
    private final boolean basicChallenge;

    private OAuthError(String error, String reason, int status, boolean basicChallenge) {
        super(reason, null, false, false);
        this.error = error;
        this.status = status;
        this.basicChallenge = basicChallenge;
    }

    public static OAuthError invalidRequest(String reason) {
        return new OAuthError("invalid_request", reason, 400, false);
    }

    public static OAuthError invalidClient(String reason, boolean triedBasic) {
        return new OAuthError("invalid_client", reason, 401, triedBasic);
    }

    public static OAuthError invalidGrant(String reason) {
        return new OAuthError("invalid_grant", reason, 400, false);
    }

    public static OAuthError unauthorizedClient(String reason) {
        return new OAuthError("unauthorized_client", reason, 400, false);
    }

    public static OAuthError unsupportedGrantType(String reason) {
        return new OAuthError("unsupported_grant_type", reason, 400, false);
    }

    public static OAuthError invalidScope(String reason) {
        return new OAuthError("invalid_scope", reason, 400, false);
    }

    public static OAuthError unsupportedTokenType(String reason) {
        return new OAuthError("unsupported_token_type", reason, 400, false);
    }

    public String error() {
        return error;
    }

    public int status() {
        return status;
    }

    public boolean basicChallenge() {
        return basicChallenge;
    }
}
