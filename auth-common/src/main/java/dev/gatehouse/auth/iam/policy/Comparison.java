package dev.gatehouse.auth.iam.policy;

/**
 * How a context value must compare with a policy value for the numeric and date operators: {@code
 * NumericLessThan} holds when the request's value is less than the policy's.
 */
enum Comparison {
    EQUALS,
    LESS_THAN,
    LESS_THAN_EQUALS,
    GREATER_THAN,
    GREATER_THAN_EQUALS;

    /**
     * @param order negative, zero or positive as the context value is below, equal to or above the
     *     policy value
     */
    boolean holds(int order) {
        return switch (this) {
            case EQUALS -> order == 0;
            case LESS_THAN -> order < 0;
            case LESS_THAN_EQUALS -> order <= 0;
            case GREATER_THAN -> order > 0;
            case GREATER_THAN_EQUALS -> order >= 0;
        };
    }
}
