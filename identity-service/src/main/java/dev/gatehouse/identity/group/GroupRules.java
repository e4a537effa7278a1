package dev.gatehouse.identity.group;

import dev.gatehouse.identity.protocol.CognitoErrors;
import dev.gatehouse.identity.protocol.CognitoException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The service model's constraints on group members ({@code GroupNameType}, {@code DescriptionType},
 * {@code ArnType}, {@code PrecedenceType}, {@code QueryLimitType}, {@code PaginationKey}), each
 * broken one reported in the model's validation wording; all of a request's violations go into one
 * {@code InvalidParameterException}, as AWS reports them.
 */
final class GroupRules {

    static final String NAME_PATTERN = "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+";
    static final String ARN_PATTERN =
            "arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+"
                    + "(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?";
    static final int MOST_LISTED = 60;
    static final int ECHOED = 256;

    private static final Pattern NAME = Pattern.compile(NAME_PATTERN);
    private static final Pattern ARN = Pattern.compile(ARN_PATTERN);
    private static final Pattern NO_SPACE = Pattern.compile("\\S+");

    private final List<String> violations = new ArrayList<>();

    GroupRules groupName(String name) {
        return groupName("groupName", name);
    }

    /** {@code member}: the camelCase name a message shows, or a property name at startup. */
    GroupRules groupName(String member, String name) {
        if (name.length() > 128) {
            violation(member, name, "Member must have length less than or equal to 128");
        }
        if (!NAME.matcher(name).matches()) {
            violation(
                    member,
                    name,
                    "Member must satisfy regular expression pattern: " + NAME_PATTERN);
        }
        return this;
    }

    GroupRules description(String member, Optional<String> description) {
        description
                .filter(d -> d.length() > 2048)
                .ifPresent(
                        d ->
                                violation(
                                        member,
                                        d,
                                        "Member must have length less than or equal to 2048"));
        return this;
    }

    GroupRules roleArn(String member, Optional<String> roleArn) {
        roleArn.ifPresent(
                arn -> {
                    if (arn.length() < 20) {
                        violation(
                                member, arn, "Member must have length greater than or equal to 20");
                    }
                    if (arn.length() > 2048) {
                        violation(
                                member, arn, "Member must have length less than or equal to 2048");
                    }
                    if (!ARN.matcher(arn).matches()) {
                        violation(
                                member,
                                arn,
                                "Member must satisfy regular expression pattern: " + ARN_PATTERN);
                    }
                });
        return this;
    }

    GroupRules precedence(String member, Optional<Integer> precedence) {
        precedence
                .filter(p -> p < 0)
                .ifPresent(
                        p ->
                                violation(
                                        member,
                                        p.toString(),
                                        "Member must have value greater than or equal to 0"));
        return this;
    }

    GroupRules limit(Optional<Integer> limit) {
        limit.ifPresent(
                l -> {
                    if (l < 0) {
                        violation(
                                "limit",
                                l.toString(),
                                "Member must have value greater than or equal to 0");
                    } else if (l > MOST_LISTED) {
                        violation(
                                "limit",
                                l.toString(),
                                "Member must have value less than or equal to " + MOST_LISTED);
                    }
                });
        return this;
    }

    GroupRules nextToken(Optional<String> token) {
        token.ifPresent(
                t -> {
                    if (t.isEmpty()) {
                        violation(
                                "nextToken",
                                t,
                                "Member must have length greater than or equal to 1");
                    } else if (t.length() > 131072) {
                        violation(
                                "nextToken",
                                t,
                                "Member must have length less than or equal to 131072");
                    } else if (!NO_SPACE.matcher(t).matches()) {
                        violation(
                                "nextToken",
                                t,
                                "Member must satisfy regular expression pattern: [\\S]+");
                    }
                });
        return this;
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    /** Throws {@code InvalidParameterException} naming every violation, if there is one. */
    void check() {
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
    }

    static CognitoException invalid(List<String> violations) {
        int count = violations.size();
        return CognitoErrors.invalidParameter(
                count
                        + (count == 1
                                ? " validation error detected: "
                                : " validation errors detected: ")
                        + String.join("; ", violations));
    }

    /**
     * Values are echoed as AWS echoes them, but at most {@value #ECHOED} characters of one: the
     * message also travels in the {@code x-amzn-ErrorMessage} header, which clients cap.
     */
    private void violation(String member, String value, String constraint) {
        String shown = value.length() > ECHOED ? value.substring(0, ECHOED) + "..." : value;
        violations.add(
                "Value '"
                        + shown
                        + "' at '"
                        + member
                        + "' failed to satisfy constraint: "
                        + constraint);
    }
}
