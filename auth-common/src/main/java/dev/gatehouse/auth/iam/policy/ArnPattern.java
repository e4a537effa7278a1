package dev.gatehouse.auth.iam.policy;

import java.util.List;
import java.util.Map;

/**
 * A value of the ARN condition operators ({@code ArnLike}, {@code ArnEquals} and their negations,
 * which AWS evaluates alike): {@code arn:partition:service:region:account:resource}, each of the
 * six colon-separated parts matched on its own, case-sensitively, with {@code *} and {@code ?}
 * wildcards that stay inside their part. The resource part takes everything after the fifth colon.
 */
final class ArnPattern implements ConditionValue {

    private static final int PARTS = 6;

    private final WildcardPattern[] parts;
    private final boolean anyArn;

    private ArnPattern(WildcardPattern[] parts, boolean anyArn) {
        this.parts = parts;
        this.anyArn = anyArn;
    }

    static ArnPattern compile(String value, boolean variables) throws InvalidPolicyException {
        if (value.equals("*")) {
            return new ArnPattern(new WildcardPattern[0], true);
        }
        String[] split = value.split(":", PARTS);
        if (split.length != PARTS) {
            throw new InvalidPolicyException(
                    "'"
                            + value
                            + "' is not an ARN: expected"
                            + " arn:partition:service:region:account:resource");
        }
        WildcardPattern[] parts = new WildcardPattern[PARTS];
        for (int i = 0; i < PARTS; i++) {
            parts[i] = WildcardPattern.compile(split[i], true, variables, false);
        }
        return new ArnPattern(parts, false);
    }

    @Override
    public boolean matches(String arn, Map<String, List<String>> context) {
        if (anyArn) {
            return true;
        }
        int start = 0;
        for (int i = 0; i < PARTS - 1; i++) {
            int colon = arn.indexOf(':', start);
            if (colon < 0 || !parts[i].matches(arn, start, colon, context)) {
                return false;
            }
            start = colon + 1;
        }
        return parts[PARTS - 1].matches(arn, start, arn.length(), context);
    }
}
