package dev.gatehouse.auth.iam.credentials;

import dev.gatehouse.auth.iam.policy.PolicyDocument;
import java.util.List;

/**
 * An IAM user or role of the suite.
 *
 * @param name the configuration name ({@code gatehouse.iam.principals.<name>})
 * @param arn {@code arn:aws:iam::<account>:user/...} or {@code ...:role/...}
 * @param uniqueId {@code AIDA...} for a user, {@code AROA...} for a role
 * @param policies its identity policies
 */
public record IamPrincipal(
        String name, String arn, String accountId, String uniqueId, List<PolicyDocument> policies) {

    /** Whether the principal is a role (temporary credentials then name an assumed role). */
    public boolean role() {
        return arn.contains(":role/");
    }

    /** The last path segment of the ARN: {@code aws:username} of a user, the role's name. */
    public String simpleName() {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }
}
