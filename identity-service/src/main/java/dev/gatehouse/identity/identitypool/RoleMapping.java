package dev.gatehouse.identity.identitypool;

import java.util.List;

/**
 * A {@code RoleMapping}: take the role from the token ({@code Token}: {@code
 * cognito:preferred_role}, or a {@code CustomRoleArn} among {@code cognito:roles}) or from the
 * first rule whose claim matches ({@code Rules}); when neither decides, {@code
 * AmbiguousRoleResolution} does: the pool's authenticated role, or a refusal.
 */
public record RoleMapping(boolean tokenBased, boolean denyWhenAmbiguous, List<Rule> rules) {

    /** A {@code MappingRule}. */
    public record Rule(String claim, MatchType matchType, String value, String roleArn) {

        /** Whether the claim's value satisfies the rule (absent claims never do). */
        public boolean matches(String claimValue) {
            if (claimValue == null) {
                return false;
            }
            return switch (matchType) {
                case EQUALS -> claimValue.equals(value);
                case NOT_EQUAL -> !claimValue.equals(value);
                case STARTS_WITH -> claimValue.startsWith(value);
                case CONTAINS -> claimValue.contains(value);
            };
        }
    }

    /** {@code MatchType}. */
    public enum MatchType {
        EQUALS("Equals"),
        CONTAINS("Contains"),
        STARTS_WITH("StartsWith"),
        NOT_EQUAL("NotEqual");

        private final String awsName;

        MatchType(String awsName) {
            this.awsName = awsName;
        }

        public String awsName() {
            return awsName;
        }

        public static java.util.Optional<MatchType> of(String awsName) {
            for (MatchType type : values()) {
                if (type.awsName.equals(awsName)) {
                    return java.util.Optional.of(type);
                }
            }
            return java.util.Optional.empty();
        }
    }
}
