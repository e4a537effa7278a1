package dev.gatehouse.auth.iam.policy;

/** The outcome of evaluating identity policies against one request (IAM evaluation logic). */
public enum PolicyDecision {
    /** An applicable statement allows the request and none denies it. */
    ALLOW,
    /** An applicable statement denies the request; it wins over every allow. */
    EXPLICIT_DENY,
    /** No applicable statement allows the request: denied by default. */
    IMPLICIT_DENY
}
