package dev.gatehouse.identity.protocol;

import java.util.Map;

/**
 * The maximum lengths the service model gives the string members this pool reads (AWS API
 * reference, e.g.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SignUp.html): a
 * longer value is refused with the model's validation message (without echoing the value), so
 * nothing a caller sends is stored or hashed beyond what AWS accepts.
 */
final class MemberLengths {

    /** {@code AttributeType.Name}. */
    static final int ATTRIBUTE_NAME = 32;

    /** {@code AttributeType.Value}. */
    static final int ATTRIBUTE_VALUE = 2048;

    private static final Map<String, Integer> MAXIMUM =
            Map.ofEntries(
                    Map.entry("ClientId", 128),
                    Map.entry("ClientSecret", 64),
                    Map.entry("Username", 128),
                    Map.entry("Password", 256),
                    Map.entry("PreviousPassword", 256),
                    Map.entry("ProposedPassword", 256),
                    Map.entry("TemporaryPassword", 256),
                    Map.entry("ConfirmationCode", 2048),
                    Map.entry("SecretHash", 128),
                    Map.entry("Session", 2048),
                    Map.entry("UserPoolId", 55),
                    Map.entry("AuthFlow", 64),
                    Map.entry("ChallengeName", 64),
                    Map.entry("MessageAction", 16));

    /** Members without a bound here (tokens) are held by the request body limit alone. */
    private static final int UNBOUNDED = Integer.MAX_VALUE;

    private MemberLengths() {}

    static int of(String member) {
        return MAXIMUM.getOrDefault(member, UNBOUNDED);
    }

    static void check(String path, String value, int maximum) {
        if (value.length() > maximum) {
            throw CognitoErrors.invalidParameter(
                    "1 validation error detected: Value at '"
                            + path
                            + "' failed to satisfy constraint: Member must have length less than or"
                            + " equal to "
                            + maximum);
        }
    }
}
