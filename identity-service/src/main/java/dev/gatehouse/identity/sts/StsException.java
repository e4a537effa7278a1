package dev.gatehouse.identity.sts;

/**
 * An STS error as the Query protocol returns it: {@code <ErrorResponse><Error><Type>,<Code>,
 * <Message>}, with the HTTP status STS uses for that code.
 */
public final class StsException extends RuntimeException {

    private final String code;
    private final int status;

    public StsException(String code, String message, int status) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    /** {@code Sender} for the caller's mistakes, {@code Receiver} for ours. */
    public String type() {
        return status >= 500 ? "Receiver" : "Sender";
    }
}
