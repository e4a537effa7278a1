package dev.gatehouse.auth.iam.policy;

import java.util.List;

/**
 * Decides a request against a set of identity policies with IAM's evaluation logic: denied by
 * default, allowed when an applicable statement allows it, and explicitly denied as soon as any
 * applicable statement denies it, whatever allows it elsewhere. Stateless and thread-safe; the
 * evaluation allocates nothing beyond what the policies' numeric values may need.
 */
public final class PolicyEvaluator {

    /**
     * @param policies every policy that applies to the caller, in any order
     */
    public PolicyDecision evaluate(List<PolicyDocument> policies, AuthorizationRequest request) {
        boolean allowed = false;
        for (int p = 0, count = policies.size(); p < count; p++) {
            for (PolicyStatement statement : policies.get(p).statementArray()) {
                if (statement.effect() == Effect.DENY) {
                    if (statement.appliesTo(request)) {
                        return PolicyDecision.EXPLICIT_DENY;
                    }
                } else if (!allowed && statement.appliesTo(request)) {
                    allowed = true;
                }
            }
        }
        return allowed ? PolicyDecision.ALLOW : PolicyDecision.IMPLICIT_DENY;
    }
}
