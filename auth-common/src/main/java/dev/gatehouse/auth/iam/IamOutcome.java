package dev.gatehouse.auth.iam;

import dev.gatehouse.auth.api.RequestIdentity;
import dev.gatehouse.auth.sigv4.SignatureClaim;

/**
 * The IAM authorizer's answer: exactly one of identity and rejection is set; an allowed request
 * keeps the signature it was allowed by (for replay protection).
 */
public record IamOutcome(RequestIdentity identity, IamRejection rejection, SignatureClaim claim) {

    static IamOutcome allowed(RequestIdentity identity, SignatureClaim claim) {
        return new IamOutcome(identity, null, claim);
    }

    static IamOutcome rejected(IamRejection rejection) {
        return new IamOutcome(null, rejection, null);
    }

    public boolean allowed() {
        return identity != null;
    }
}
