package dev.gatehouse.identity.protocol;

/**
 * Every error type and message the service sends, worded as real Cognito words them (spec section
 * 1.3.1). Where the spec marks a wording UNVERIFIED, the choice is made here once.
 */
public final class CognitoErrors {

    public static final String INCORRECT_CREDENTIALS = "Incorrect username or password.";
    public static final String ATTEMPT_LIMIT =
            "Attempt limit exceeded, please try after some time.";

    private CognitoErrors() {}

    public static CognitoException unknownOperation() {
        // AWS JSON services answer an unknown or missing X-Amz-Target like this (no message).
        return new CognitoException("UnknownOperationException", "");
    }

    public static CognitoException serialization(String message) {
        return new CognitoException("SerializationException", message);
    }

    public static CognitoException invalidParameter(String message) {
        return new CognitoException("InvalidParameterException", message);
    }

    /** The model-validation message for a missing required member, e.g. {@code clientId}. */
    public static CognitoException missingMember(String member) {
        return invalidParameter(
                "1 validation error detected: Value null at '"
                        + member
                        + "' failed to satisfy constraint: Member must not be null");
    }

    public static CognitoException clientNotFound(String clientId) {
        return new CognitoException(
                "ResourceNotFoundException", "User pool client " + clientId + " does not exist.");
    }

    public static CognitoException poolNotFound(String poolId) {
        return new CognitoException(
                "ResourceNotFoundException", "User pool " + poolId + " does not exist.");
    }

    public static CognitoException notAuthorized(String message) {
        return new CognitoException("NotAuthorizedException", message);
    }

    public static CognitoException incorrectCredentials() {
        return notAuthorized(INCORRECT_CREDENTIALS);
    }

    public static CognitoException usernameExists() {
        return new CognitoException("UsernameExistsException", "User already exists");
    }

    public static CognitoException invalidPassword(String reason) {
        return new CognitoException(
                "InvalidPasswordException",
                "Password did not conform with password policy: " + reason);
    }

    public static CognitoException codeMismatch() {
        return new CognitoException(
                "CodeMismatchException", "Invalid verification code provided, please try again.");
    }

    public static CognitoException expiredCode() {
        return new CognitoException(
                "ExpiredCodeException", "Invalid code provided, please request a code again.");
    }

    public static CognitoException limitExceeded() {
        return new CognitoException("LimitExceededException", ATTEMPT_LIMIT);
    }

    /** A request quota exceeded (spec 1.3: status UNVERIFIED, 400 as the other client errors). */
    public static CognitoException tooManyRequests() {
        return new CognitoException("TooManyRequestsException", "Rate exceeded");
    }

    public static CognitoException userNotConfirmed() {
        return new CognitoException("UserNotConfirmedException", "User is not confirmed.");
    }

    public static CognitoException userNotFound(String message) {
        return new CognitoException("UserNotFoundException", message);
    }

    public static CognitoException aliasExists() {
        return new CognitoException(
                "AliasExistsException", "An account with the email already exists.");
    }

    public static CognitoException codeDeliveryFailure() {
        // UNVERIFIED wording: the type is modelled for SignUp, no captured message.
        return new CognitoException(
                "CodeDeliveryFailureException", "Unable to deliver the verification code.");
    }

    /** RevokeToken's modelled refusal of the caller (the model has no ResourceNotFound there). */
    public static CognitoException unauthorized(String message) {
        return new CognitoException("UnauthorizedException", message);
    }

    /** RevokeToken given an ID or access token: only refresh tokens can be revoked. */
    public static CognitoException unsupportedTokenType() {
        return new CognitoException("UnsupportedTokenTypeException", "Unsupported token type");
    }

    public static CognitoException internal() {
        return new CognitoException("InternalErrorException", "Internal server error", 500);
    }
}
