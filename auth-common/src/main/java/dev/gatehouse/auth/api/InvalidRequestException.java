package dev.gatehouse.auth.api;

/**
 * A client's request failed validation. Answered with 400, {@code BadRequestException} and this
 * message, which must name the offending field and must never echo secrets or internals.
 */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message, null, false, false);
    }
}
