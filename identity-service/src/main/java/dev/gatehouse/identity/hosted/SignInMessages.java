package dev.gatehouse.identity.hosted;

import dev.gatehouse.identity.protocol.CognitoException;

/**
 * The API's sign-in errors in a person's words. The facts told are exactly the API's (so
 * PreventUserExistenceErrors hides on the page what it hides in the API); only the wording is
 * friendlier where Cognito's is terse.
 */
final class SignInMessages {

    private SignInMessages() {}

    static String of(CognitoException e) {
        return switch (e.type()) {
            case "NotAuthorizedException" ->
                    switch (e.getMessage()) {
                        case "Password attempts exceeded" ->
                                "Password attempts exceeded. Wait a little and try again.";
                        case "User is disabled." -> "This account is disabled.";
                        default -> e.getMessage();
                    };
            case "UserNotFoundException" -> "User does not exist.";
            case "UserNotConfirmedException" ->
                    "This account is not confirmed yet: enter the code we emailed you.";
            case "PasswordResetRequiredException" ->
                    "You must reset your password: choose \"Forgot your password?\".";
            case "TooManyRequestsException" -> "Too many sign-ins right now. Try again shortly.";
            default -> "Sign-in failed: " + e.getMessage();
        };
    }
}
