package dev.gatehouse.auth.iam.policy;

/**
 * Checks and compiles the entries of {@code Action}/{@code NotAction} ({@code service:action},
 * matched case-insensitively) and {@code Resource}/{@code NotResource} (an ARN, matched
 * case-sensitively, policy variables allowed), both with {@code *} and {@code ?} wildcards.
 *
 * <p>A resource {@code *} matches across {@code /} and {@code :} alike: AWS lets a {@code *} that
 * ends an ARN segment run past the colons, and execute-api ARNs have no colon past the account, so
 * one glob over the whole ARN gives AWS's answers.
 */
final class StatementPatterns {

    private StatementPatterns() {}

    static WildcardPattern action(String action, String path) throws InvalidPolicyException {
        if (!action.equals("*")) {
            int colon = action.indexOf(':');
            boolean service = colon > 0;
            for (int i = 0; i < colon; i++) {
                char c = action.charAt(i);
                service &= Character.isLetterOrDigit(c) || c == '-';
            }
            if (!service || colon == action.length() - 1) {
                throw new InvalidPolicyException(
                        path
                                + " '"
                                + action
                                + "' must be * or service:action, e.g. execute-api:Invoke (no"
                                + " wildcard in the service)");
            }
        }
        return WildcardPattern.compile(action, true, false, true);
    }

    static WildcardPattern resource(String resource, String path, boolean variables)
            throws InvalidPolicyException {
        if (!resource.equals("*")) {
            String[] parts = resource.split(":", 6);
            // A trailing * may stand for the remaining segments: arn:aws:execute-api:*
            boolean shortened = parts.length >= 4 && resource.endsWith("*");
            if ((parts.length != 6 && !shortened) || !parts[0].equals("arn")) {
                throw new InvalidPolicyException(
                        path
                                + " '"
                                + resource
                                + "' must be * or an ARN:"
                                + " arn:partition:service:region:account:resource");
            }
            String service = parts[2];
            if (service.isEmpty() || service.indexOf('*') >= 0 || service.indexOf('?') >= 0) {
                throw new InvalidPolicyException(
                        path
                                + " '"
                                + resource
                                + "': the service of a resource ARN must be named, without"
                                + " wildcards");
            }
        }
        try {
            return WildcardPattern.compile(resource, true, variables, false);
        } catch (InvalidPolicyException e) {
            throw new InvalidPolicyException(path + " " + e.getMessage());
        }
    }
}
