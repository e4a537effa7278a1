package dev.gatehouse.auth.iam.policy;

import java.util.List;
import java.util.Map;

/**
 * One condition key under one operator, e.g. {@code "IpAddress": {"aws:SourceIp": [...]}}: the unit
 * that, ANDed with its siblings, decides whether a statement applies. Semantics follow the IAM
 * documentation:
 *
 * <ul>
 *   <li>several policy values are ORed (a negated operator NORs them: it matches when the request
 *       value matches none of them);
 *   <li>a key absent from the request does not match, except that a negated operator then matches,
 *       {@code ...IfExists} then matches, and {@code Null} tests exactly that;
 *   <li>{@code ForAnyValue:} matches when some request value passes (false when the key is absent),
 *       {@code ForAllValues:} when every request value passes (true when absent); without a
 *       qualifier a multivalued key behaves as with {@code ForAnyValue:}, and a negated operator as
 *       "no request value matches".
 * </ul>
 */
final class Condition {

    /** The set operator prefix for multivalued keys. */
    enum Qualifier {
        NONE,
        FOR_ANY_VALUE,
        FOR_ALL_VALUES
    }

    private final ConditionOperator operator;
    private final Qualifier qualifier;
    private final boolean ifExists;
    private final String key;
    private final ConditionValue[] values;

    /**
     * @param key the condition key, lower-cased
     */
    Condition(
            ConditionOperator operator,
            Qualifier qualifier,
            boolean ifExists,
            String key,
            ConditionValue[] values) {
        this.operator = operator;
        this.qualifier = qualifier;
        this.ifExists = ifExists;
        this.key = key;
        this.values = values;
    }

    boolean matches(Map<String, List<String>> context) {
        List<String> present = context.get(key);
        boolean absent = present == null || present.isEmpty();
        if (operator == ConditionOperator.NULL) {
            return anyValueMatches(absent ? "true" : "false", context);
        }
        boolean negated = operator.negated();
        if (absent) {
            return ifExists
                    || qualifier == Qualifier.FOR_ALL_VALUES
                    || (qualifier == Qualifier.NONE && negated);
        }
        int size = present.size();
        switch (qualifier) {
            case FOR_ALL_VALUES:
                for (int i = 0; i < size; i++) {
                    if (anyValueMatches(present.get(i), context) == negated) {
                        return false;
                    }
                }
                return true;
            case FOR_ANY_VALUE:
                for (int i = 0; i < size; i++) {
                    if (anyValueMatches(present.get(i), context) != negated) {
                        return true;
                    }
                }
                return false;
            default:
                for (int i = 0; i < size; i++) {
                    if (anyValueMatches(present.get(i), context)) {
                        return !negated;
                    }
                }
                return negated;
        }
    }

    private boolean anyValueMatches(String contextValue, Map<String, List<String>> context) {
        for (ConditionValue value : values) {
            if (value.matches(contextValue, context)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        String prefix =
                switch (qualifier) {
                    case NONE -> "";
                    case FOR_ANY_VALUE -> "ForAnyValue:";
                    case FOR_ALL_VALUES -> "ForAllValues:";
                };
        return prefix + operator.awsName() + (ifExists ? "IfExists" : "") + "(" + key + ")";
    }
}
