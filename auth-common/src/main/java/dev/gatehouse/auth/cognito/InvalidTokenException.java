package dev.gatehouse.auth.cognito;

/** Why a token was refused: logged at DEBUG, never shown to the client. */
public final class InvalidTokenException extends Exception {

    public InvalidTokenException(String reason) {
        super(reason, null, false, false);
    }

    public InvalidTokenException(String reason, Throwable cause) {
        super(reason + ": " + cause.getMessage(), null, false, false);
    }
}
