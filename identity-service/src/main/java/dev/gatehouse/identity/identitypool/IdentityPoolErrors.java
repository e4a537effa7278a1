package dev.gatehouse.identity.identitypool;

import dev.gatehouse.identity.protocol.CognitoErrors;
import dev.gatehouse.identity.protocol.CognitoException;

/**
 * The identity pool API's errors as AWS words them (spec cognito.md 6.2, 6.3, 6.5). Wordings the
 * spec has no capture of are chosen here once and listed in docs/identity-pools.md.
 */
public final class IdentityPoolErrors {

    private IdentityPoolErrors() {}

    public static CognitoException invalidLoginToken(String reason) {
        return CognitoErrors.notAuthorized("Invalid login token. " + reason);
    }

    public static CognitoException couldNotVerify() {
        return invalidLoginToken("Couldn't verify signed token.");
    }

    /** {@code ServerSideTokenCheck} refused a token the user pool no longer stands behind. */
    public static CognitoException tokenRevoked() {
        return invalidLoginToken("Token has been revoked.");
    }

    public static CognitoException unsupportedProvider() {
        return CognitoErrors.notAuthorized(
                "Token is not from a supported provider of this identity pool.");
    }

    public static CognitoException unauthenticatedNotSupported() {
        return CognitoErrors.notAuthorized(
                "Unauthenticated access is not supported for this identity pool.");
    }

    public static CognitoException identityForbidden(String identityId) {
        return CognitoErrors.notAuthorized("Access to Identity '" + identityId + "' is forbidden.");
    }

    public static CognitoException ambiguousDenied(String provider) {
        return CognitoErrors.notAuthorized(
                "The ambiguous role mapping rules for: " + provider + " denied this request.");
    }

    public static CognitoException classicFlowDisabled() {
        return new CognitoException(
                "InvalidParameterException", "Basic (classic) flow is not enabled for this pool.");
    }

    public static CognitoException invalidConfiguration() {
        return new CognitoException(
                "InvalidIdentityPoolConfigurationException",
                "Invalid identity pool configuration. Check assigned IAM roles for this pool.");
    }

    public static CognitoException poolNotFound(String poolId) {
        return new CognitoException(
                "ResourceNotFoundException", "IdentityPool '" + poolId + "' not found.");
    }

    public static CognitoException identityNotFound(String identityId) {
        return new CognitoException(
                "ResourceNotFoundException", "Identity '" + identityId + "' not found.");
    }

    public static CognitoException loginsMismatch() {
        return CognitoErrors.notAuthorized(
                "Logins don't match. Please include at least one valid login for this identity"
                        + " or identity pool.");
    }

    /** A developer login named with an identity it is not linked to (it has another). */
    public static CognitoException loginsLinkedElsewhere() {
        return new CognitoException(
                "ResourceConflictException", "These logins are linked to different identities.");
    }

    /** A merge that would give one identity two logins of one provider (two users of it). */
    public static CognitoException twoLoginsOfOneProvider() {
        return new CognitoException(
                "ResourceConflictException",
                "The identities to merge are linked to different users of the same provider.");
    }

    /** A link or merge past the logins one identity may hold. */
    public static CognitoException tooManyLinkedLogins(int most) {
        return new CognitoException(
                "ResourceConflictException",
                "An identity can have at most " + most + " linked logins.");
    }

    /** A model constraint, worded as AWS's request validation words it. */
    public static CognitoException constraint(String value, String member, String constraint) {
        return CognitoErrors.invalidParameter(
                "1 validation error detected: Value '"
                        + value
                        + "' at '"
                        + member
                        + "' failed to satisfy constraint: "
                        + constraint);
    }
}
