package dev.gatehouse.auth.iam.policy;

/**
 * A policy document that cannot be used: not JSON, not the IAM grammar, or a value an operator
 * cannot read. The message names the element at fault, e.g. {@code Statement[1].Effect must be
 * Allow or Deny}.
 */
public class InvalidPolicyException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidPolicyException(String message) {
        super(message);
    }

    public InvalidPolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
