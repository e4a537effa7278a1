package dev.gatehouse.auth.iam;

import dev.gatehouse.auth.api.RequestIdentity;
import dev.gatehouse.auth.sigv4.SignatureClaim;

/** The IAM authorizer's answer: allowed, with who and by which signature, or rejected. */
public sealed interface IamOutcome {

    /** An allowed request keeps the signature it was allowed by (for replay protection). */
    record Allowed(RequestIdentity identity, SignatureClaim claim) implements IamOutcome {}

    /** A refusal, already in API Gateway's shape. */
    record Rejected(IamRejection rejection) implements IamOutcome {}

    static IamOutcome allowed(RequestIdentity identity, SignatureClaim claim) {
        return new Allowed(identity, claim);
    }

    static IamOutcome rejected(IamRejection rejection) {
        return new Rejected(rejection);
    }
}
