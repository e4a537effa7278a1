package dev.gatehouse.auth.iam.policy;

import java.util.List;
import java.util.Map;

/**
 * A value of the numeric operators ({@code NumericLessThan}...): an integer or decimal such as
 * {@code 10} or {@code -2.5}, compared as a double. A context value that is not a number matches
 * nothing.
 */
final class NumericValue implements ConditionValue {

    private static final long[] POWERS_OF_TEN = {
        1L,
        10L,
        100L,
        1_000L,
        10_000L,
        100_000L,
        1_000_000L,
        10_000_000L,
        100_000_000L,
        1_000_000_000L,
        10_000_000_000L,
        100_000_000_000L,
        1_000_000_000_000L,
        10_000_000_000_000L,
        100_000_000_000_000L,
        1_000_000_000_000_000L
    };

    private final double number;
    private final Comparison comparison;

    private NumericValue(double number, Comparison comparison) {
        this.number = number;
        this.comparison = comparison;
    }

    static NumericValue parse(String value, Comparison comparison) throws InvalidPolicyException {
        double number = read(value.strip());
        if (Double.isNaN(number)) {
            throw new InvalidPolicyException(
                    "'" + value + "' is not a number (an integer or decimal such as 10 or 2.5)");
        }
        return new NumericValue(number, comparison);
    }

    @Override
    public boolean matches(String contextValue, Map<String, List<String>> context) {
        double value = read(contextValue);
        if (Double.isNaN(value)) {
            return false;
        }
        return comparison.holds(value < number ? -1 : value > number ? 1 : 0);
    }

    /**
     * {@code [+-]digits[.digits]} as a double, or NaN. Up to 15 digits the value is computed
     * exactly and without allocation (an exact integer divided by an exact power of ten rounds
     * correctly); longer numbers go through {@link Double#parseDouble}.
     */
    static double read(String text) {
        int length = text.length();
        int i = 0;
        boolean negative = false;
        if (length > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
            negative = text.charAt(0) == '-';
            i = 1;
        }
        long digits = 0;
        int count = 0;
        int fraction = -1;
        int start = i;
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (c == '.' && fraction < 0 && i > start) {
                fraction = 0;
            } else if (c >= '0' && c <= '9') {
                if (count < 18) {
                    digits = digits * 10 + (c - '0');
                }
                count++;
                if (fraction >= 0) {
                    fraction++;
                }
            } else {
                return Double.NaN;
            }
        }
        if (count == 0 || fraction == 0) {
            return Double.NaN; // nothing, or a trailing '.'
        }
        if (count > 15) {
            return Double.parseDouble(text);
        }
        double value = fraction > 0 ? (double) digits / POWERS_OF_TEN[fraction] : digits;
        return negative ? -value : value;
    }
}
