package dev.gatehouse.identity.hosted.pages;

import dev.gatehouse.identity.protocol.CognitoException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a page tells the user when the user pool API refuses a form, in the user's terms: the API's
 * own sentence where it already is one (Cognito's pages show those, e.g. {@code Invalid
 * verification code provided, please try again.}), a plain sentence instead of a model-validation
 * message, and the HTTP status the page is rendered with (never 500 for the user's mistake).
 */
public record PageError(String message, int status) {

    /** Anything the page did not expect: no detail, the log has it. */
    public static final String UNEXPECTED = "Something went wrong on our side. Please try again.";

    private static final Pattern FIELD = Pattern.compile("at '([A-Za-z.0-9]+)'");

    /** The page's answer to a refusal of the API. */
    public static PageError of(CognitoException refusal) {
        String message = refusal.getMessage() == null ? "" : refusal.getMessage();
        return switch (refusal.type()) {
            case "InvalidParameterException" -> new PageError(invalidField(message), 400);
            case "LimitExceededException", "TooManyRequestsException" ->
                    new PageError("Attempt limit exceeded, please try again after some time.", 429);
            case "CodeDeliveryFailureException" ->
                    new PageError(
                            "We could not send the code by email. Please try again later.", 503);
            case "InternalErrorException" -> new PageError(UNEXPECTED, 500);
            default -> new PageError(message, 400);
        };
    }

    /** A refusal found by the page itself, before any call (a field left empty). */
    public static PageError field(String message) {
        return new PageError(message, 400);
    }

    private static String invalidField(String message) {
        if (!message.startsWith("1 validation error detected")) {
            return message;
        }
        Matcher field = FIELD.matcher(message);
        String name = field.find() ? field.group(1) : "";
        if (name.startsWith("username")) {
            return "Enter a username of at most 128 letters, digits, symbols or punctuation marks,"
                    + " without spaces.";
        }
        if (name.toLowerCase(java.util.Locale.ROOT).contains("password")) {
            return "Enter a password of at most 256 characters.";
        }
        if (name.startsWith("confirmationCode")) {
            return "Enter the code we sent you by email.";
        }
        if (name.startsWith("userAttributes")) {
            return "One of the values is too long.";
        }
        return "Please check the form and try again.";
    }
}
