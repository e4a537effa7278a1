package dev.gatehouse.identity.protocol;

/**
 * An error the Cognito API returns to its caller: the shape name ({@code __type}) and the exact
 * message real Cognito sends. Status 400 for every modelled client error, 500 only for {@code
 * InternalErrorException}.
 */
public final class CognitoException extends RuntimeException {

    private final String type;
    private final int status;

    public CognitoException(String type, String message) {
        this(type, message, 400);
    }

    public CognitoException(String type, String message, int status) {
        super(message, null, false, false);
        this.type = type;
        this.status = status;
    }

    public String type() {
        return type;
    }

    public int status() {
        return status;
    }
}
