package dev.gatehouse.auth.iam.policy;

import java.util.List;
import java.util.Map;

/**
 * One value listed under a condition key, compiled for its operator (a CIDR block, an instant, a
 * wildcard pattern...). Implementations are immutable and thread-safe.
 */
interface ConditionValue {

    /**
     * Whether one value from the request context matches this policy value, in the operator's
     * positive sense ({@code StringNotEquals} asks the {@code StringEquals} question and negates).
     *
     * @param context the whole request context, for policy variables
     */
    boolean matches(String contextValue, Map<String, List<String>> context);
}
