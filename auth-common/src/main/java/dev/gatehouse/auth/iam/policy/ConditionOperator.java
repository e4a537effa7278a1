package dev.gatehouse.auth.iam.policy;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The condition operators of the IAM policy grammar, without their {@code IfExists} suffix and
 * {@code ForAnyValue:} / {@code ForAllValues:} qualifier (see {@link Condition}). A negated
 * operator asks its positive question of every value and matches when no value answers yes.
 */
enum ConditionOperator {
    STRING_EQUALS("StringEquals", false, text(false, false)),
    STRING_NOT_EQUALS("StringNotEquals", true, text(false, false)),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", false, text(false, true)),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", true, text(false, true)),
    STRING_LIKE("StringLike", false, text(true, false)),
    STRING_NOT_LIKE("StringNotLike", true, text(true, false)),
    NUMERIC_EQUALS("NumericEquals", false, numeric(Comparison.EQUALS)),
    NUMERIC_NOT_EQUALS("NumericNotEquals", true, numeric(Comparison.EQUALS)),
    NUMERIC_LESS_THAN("NumericLessThan", false, numeric(Comparison.LESS_THAN)),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", false, numeric(Comparison.LESS_THAN_EQUALS)),
    NUMERIC_GREATER_THAN("NumericGreaterThan", false, numeric(Comparison.GREATER_THAN)),
    NUMERIC_GREATER_THAN_EQUALS(
            "NumericGreaterThanEquals", false, numeric(Comparison.GREATER_THAN_EQUALS)),
    DATE_EQUALS("DateEquals", false, date(Comparison.EQUALS)),
    DATE_NOT_EQUALS("DateNotEquals", true, date(Comparison.EQUALS)),
    DATE_LESS_THAN("DateLessThan", false, date(Comparison.LESS_THAN)),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", false, date(Comparison.LESS_THAN_EQUALS)),
    DATE_GREATER_THAN("DateGreaterThan", false, date(Comparison.GREATER_THAN)),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", false, date(Comparison.GREATER_THAN_EQUALS)),
    BOOL("Bool", false, (v, vars) -> bool(v)),
    BINARY_EQUALS("BinaryEquals", false, (v, vars) -> binary(v)),
    IP_ADDRESS("IpAddress", false, (v, vars) -> CidrBlock.parse(v)),
    NOT_IP_ADDRESS("NotIpAddress", true, (v, vars) -> CidrBlock.parse(v)),
    // AWS evaluates ArnEquals exactly as ArnLike, wildcards included.
    ARN_EQUALS("ArnEquals", false, ArnPattern::compile),
    ARN_LIKE("ArnLike", false, ArnPattern::compile),
    ARN_NOT_EQUALS("ArnNotEquals", true, ArnPattern::compile),
    ARN_NOT_LIKE("ArnNotLike", true, ArnPattern::compile),
    /**
     * Tests presence, not values: {@code true} matches an absent key, {@code false} a present one.
     */
    NULL("Null", false, (v, vars) -> bool(v));

    /** Compiles one policy value for the operator. */
    @FunctionalInterface
    interface ValueCompiler {
        ConditionValue compile(String value, boolean variables) throws InvalidPolicyException;
    }

    private static final Map<String, ConditionOperator> BY_NAME = new HashMap<>();

    static {
        for (ConditionOperator operator : values()) {
            BY_NAME.put(operator.awsName, operator);
        }
    }

    private final String awsName;
    private final boolean negated;
    private final ValueCompiler compiler;

    ConditionOperator(String awsName, boolean negated, ValueCompiler compiler) {
        this.awsName = awsName;
        this.negated = negated;
        this.compiler = compiler;
    }

    /** The operator spelled exactly so (case-sensitive), or null. */
    static ConditionOperator named(String name) {
        return BY_NAME.get(name);
    }

    String awsName() {
        return awsName;
    }

    boolean negated() {
        return negated;
    }

    ConditionValue compile(String value, boolean variables) throws InvalidPolicyException {
        return compiler.compile(value, variables);
    }

    /** String operators: policy variables allowed, wildcards only for the Like operators. */
    private static ValueCompiler text(boolean wildcards, boolean ignoreCase) {
        return (v, variables) -> WildcardPattern.compile(v, wildcards, variables, ignoreCase);
    }

    private static ValueCompiler numeric(Comparison comparison) {
        return (v, vars) -> NumericValue.parse(v, comparison);
    }

    private static ValueCompiler date(Comparison comparison) {
        return (v, vars) -> DateValue.parse(v, comparison);
    }

    /** A {@code true} value matches "true" in any case, {@code false} "false". */
    static ConditionValue bool(String value) throws InvalidPolicyException {
        String text = value.strip();
        if (text.equalsIgnoreCase("true")) {
            return (contextValue, context) -> contextValue.equalsIgnoreCase("true");
        }
        if (text.equalsIgnoreCase("false")) {
            return (contextValue, context) -> contextValue.equalsIgnoreCase("false");
        }
        throw new InvalidPolicyException("'" + value + "' is not a boolean (true or false)");
    }

    /** The base-64 text of the value, compared as text with the request's base-64 value. */
    private static ConditionValue binary(String value) throws InvalidPolicyException {
        String text = value.strip();
        try {
            Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidPolicyException("'" + value + "' is not base-64");
        }
        return (contextValue, context) -> contextValue.equals(text);
    }
}
