package dev.gatehouse.auth.iam;

import dev.gatehouse.auth.api.RequestIdentity;

/** The IAM authorizer's answer: exactly one of identity and rejection is set. */
public record IamOutcome(RequestIdentity identity, IamRejection rejection) {

    static IamOutcome allowed(RequestIdentity identity) {
        return new IamOutcome(identity, null);
    }

    static IamOutcome rejected(IamRejection rejection) {
        return new IamOutcome(null, rejection);
    }

    public boolean allowed() {
        return identity != null;
    }
}
