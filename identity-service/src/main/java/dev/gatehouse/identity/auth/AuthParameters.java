package dev.gatehouse.identity.auth;

import dev.gatehouse.identity.protocol.CognitoErrors;
import java.util.Map;

/** Keys of {@code AuthParameters} / {@code ChallengeResponses}. */
final class AuthParameters {

    private AuthParameters() {}

    static String required(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isEmpty()) {
            throw CognitoErrors.invalidParameter("Missing required parameter " + name);
        }
        return value;
    }
}
