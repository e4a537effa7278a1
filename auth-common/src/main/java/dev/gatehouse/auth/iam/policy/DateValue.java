package dev.gatehouse.auth.iam.policy;

import java.util.List;
import java.util.Map;

/**
 * A value of the date operators ({@code DateLessThan}...): an instant compared with the request's
 * date ({@code aws:CurrentTime} in ISO 8601, {@code aws:EpochTime} in epoch seconds), at
 * millisecond precision. A context value that is not a date matches nothing.
 */
final class DateValue implements ConditionValue {

    private final long epochMillis;
    private final Comparison comparison;

    private DateValue(long epochMillis, Comparison comparison) {
        this.epochMillis = epochMillis;
        this.comparison = comparison;
    }

    static DateValue parse(String value, Comparison comparison) throws InvalidPolicyException {
        long millis = Iso8601Instant.epochMillis(value.strip());
        if (millis == Iso8601Instant.INVALID) {
            throw new InvalidPolicyException(
                    "'"
                            + value
                            + "' is not a date: use ISO 8601 (2026-01-01T00:00:00Z, 2026-01-01)"
                            + " or epoch seconds");
        }
        return new DateValue(millis, comparison);
    }

    @Override
    public boolean matches(String contextValue, Map<String, List<String>> context) {
        long millis = Iso8601Instant.epochMillis(contextValue);
        return millis != Iso8601Instant.INVALID
                && comparison.holds(Long.compare(millis, epochMillis));
    }
}
