package dev.gatehouse.auth.cognito;

import java.util.Map;
import java.util.Set;

/**
 * A token whose signature, issuer and validity period have been checked: what the result cache
 * remembers. Route-specific checks ({@link TokenRequirement}) run on it every time.
 *
 * @param claims every claim as a string, the shape of {@code requestContext.authorizer.claims}
 * @param tokenUse the {@code token_use} claim ({@code id} or {@code access})
 * @param clientId the app client: {@code aud} of an ID token, {@code client_id} of an access token
 * @param scopes the access token's {@code scope}, split at spaces (empty for ID tokens)
 * @param expiresAt {@code exp}, epoch seconds
 */
public record VerifiedToken(
        Map<String, String> claims,
        String tokenUse,
        String clientId,
        Set<String> scopes,
        long expiresAt) {}
