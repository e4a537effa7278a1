package dev.gatehouse.identity.token;

import dev.gatehouse.identity.pool.AppClient;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.protocol.CognitoErrors;
import dev.gatehouse.identity.protocol.CognitoOperation;
import dev.gatehouse.identity.protocol.CognitoRequest;
import dev.gatehouse.identity.protocol.OperationSet;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * RevokeToken (spec 2.8): revokes one refresh token and the access tokens minted from it (same
 * {@code origin_jti}); the user's other sign-ins are unaffected. {@code amazon-cognito-identity-js}
 * calls it from {@code signOut()} because our tokens carry {@code origin_jti}.
 *
 * <p>Only the errors the model lists for RevokeToken are used. A token that is not (or no longer) a
 * refresh token of this pool is answered with success, as RFC 7009 section 2.2 asks, so a repeated
 * sign-out is harmless; a JWT (ID or access token) is {@code UnsupportedTokenTypeException}; a
 * token issued to another client, or an unknown client, is {@code UnauthorizedException}.
 */
@ApplicationScoped
public class TokenRevocation implements OperationSet {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9-_=.]+");

    private final UserPool pool;
    private final RefreshTokens refreshTokens;

    TokenRevocation(UserPool pool, RefreshTokens refreshTokens) {
        this.pool = pool;
        this.refreshTokens = refreshTokens;
    }

    @Override
    public Map<String, CognitoOperation> operations() {
        return Map.of("RevokeToken", (request, call) -> revoke(request));
    }

    Map<String, Object> revoke(CognitoRequest request) {
        String clientId = request.required("ClientId");
        AppClient client = pool.clientsById().get(clientId);
        if (client != null
                && client.secret().isPresent()
                && !client.secret().get().matches(request.optional("ClientSecret").orElse(null))) {
            // The model lists no NotAuthorizedException for RevokeToken; wording UNVERIFIED.
            throw CognitoErrors.unauthorized("Unable to verify secret for client " + clientId);
        }
        revoke(request.required("Token"), clientId);
        return Map.of();
    }

    /**
     * Revokes refresh token {@code token} of client {@code clientId}; Cognito's errors for a
     * malformed token, an unknown client, a JWT or another client's token. {@code /oauth2/revoke}
     * uses this too.
     */
    public void revoke(String token, String clientId) {
        if (!TOKEN.matcher(token).matches()) {
            throw CognitoErrors.invalidParameter(
                    "1 validation error detected: Value at 'token' failed to satisfy constraint:"
                            + " Member must satisfy regular expression pattern: [A-Za-z0-9-_=.]+");
        }
        if (!pool.clientsById().containsKey(clientId)) {
            throw CognitoErrors.unauthorized("User pool client " + clientId + " does not exist.");
        }
        if (token.split("\\.", -1).length == 3) {
            throw CognitoErrors.unsupportedTokenType();
        }
        Optional<RefreshTokens.Grant> grant = refreshTokens.find(token);
        if (grant.isEmpty()) {
            Log.debug("RevokeToken: unknown or expired refresh token, nothing to revoke");
            return;
        }
        if (!grant.get().clientId().equals(clientId)) {
            throw CognitoErrors.unauthorized("Token was not issued to client " + clientId);
        }
        refreshTokens.revoke(token, grant.get());
    }
}
