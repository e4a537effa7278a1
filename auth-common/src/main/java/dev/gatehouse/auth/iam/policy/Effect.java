package dev.gatehouse.auth.iam.policy;

/** The {@code Effect} of a policy statement. */
public enum Effect {
    ALLOW,
    DENY
}
