package dev.gatehouse.auth.cognito;

import dev.gatehouse.auth.cognito.config.CognitoConfig.TokenUse;
import java.util.Set;

/**
 * What one route accepts from an authentic token: the token use, the app clients (empty: any of the
 * pool) and, for access tokens, the scopes of which one must be present (empty: none needed).
 */
public record TokenRequirement(TokenUse tokenUse, Set<String> clientIds, Set<String> scopes) {

    public TokenRequirement {
        clientIds = Set.copyOf(clientIds);
        scopes = Set.copyOf(scopes);
    }

    /** Why {@code token} does not meet this requirement, or null when it does. */
    public String violation(VerifiedToken token) {
        if (!tokenUse.claim().equals(token.tokenUse())) {
            return "token_use is " + token.tokenUse() + ", route needs " + tokenUse.claim();
        }
        if (!clientIds.isEmpty() && !clientIds.contains(token.clientId())) {
            return "client " + token.clientId() + " is not allowed";
        }
        if (tokenUse == TokenUse.ACCESS && !scopes.isEmpty()) {
            for (String scope : token.scopes()) {
                if (scopes.contains(scope)) {
                    return null;
                }
            }
            return "none of the scopes " + scopes + " in token";
        }
        return null;
    }
}
