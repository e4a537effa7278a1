package dev.gatehouse.identity.auth;

import dev.gatehouse.identity.protocol.CognitoErrors;
import java.util.Map;

/**
 * Keys of {@code AuthParameters} / {@code ChallengeResponses}. The model gives the map's values no
 * length, but the ones that name a user or carry a password are held to the bounds of {@code
 * UsernameType} (128) and {@code PasswordType} (256), since they are hashed into keys and stored.
 */
final class AuthParameters {

    private static final Map<String, Integer> MAXIMUM_LENGTHS =
            Map.of("USERNAME", 128, "PASSWORD", 256, "NEW_PASSWORD", 256);

    private AuthParameters() {}

    static String required(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isEmpty()) {
            throw CognitoErrors.invalidParameter("Missing required parameter " + name);
        }
        Integer maximum = MAXIMUM_LENGTHS.get(name);
        if (maximum != null && value.length() > maximum) {
            throw CognitoErrors.invalidParameter(
                    "1 validation error detected: Value at '"
                            + name
                            + "' failed to satisfy constraint: Member must have length less than or"
                            + " equal to "
                            + maximum);
        }
        return value;
    }
}
