package dev.gatehouse.identity.oauth;

import dev.gatehouse.identity.hosted.QueryParameters;
import dev.gatehouse.identity.pool.AppClient;
import dev.gatehouse.identity.protocol.CognitoException;
import dev.gatehouse.identity.token.TokenRevocation;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * {@code POST /oauth2/revoke} (Cognito's revoke endpoint, RFC 7009): revokes a refresh token and
 * the access tokens minted from it, by {@link TokenRevocation} as RevokeToken does. The client
 * authenticates as at the token endpoint; an unknown or already revoked token is a success.
 */
@ApplicationScoped
public class RevokeEndpoint {

    private final ClientAuthentication clients;
    private final TokenRevocation revocation;

    RevokeEndpoint(ClientAuthentication clients, TokenRevocation revocation) {
        this.clients = clients;
        this.revocation = revocation;
    }

    public void revoke(Optional<String> authorization, String body) {
        QueryParameters form;
        try {
            form = QueryParameters.parse(body);
        } catch (QueryParameters.MalformedException e) {
            throw OAuthError.invalidRequest(e.getMessage());
        }
        if (form.isRepeated("token")) {
            throw OAuthError.invalidRequest("token repeated");
        }
        String token = form.get("token").orElseThrow(() -> OAuthError.invalidRequest("no token"));
        AppClient client = clients.authenticate(authorization, form);
        try {
            revocation.revoke(token, client.id());
        } catch (CognitoException e) {
            throw switch (e.type()) {
                case "UnsupportedTokenTypeException" ->
                        OAuthError.unsupportedTokenType("not a refresh token");
                case "UnauthorizedException" ->
                        OAuthError.unauthorizedClient("token of another client");
                default -> OAuthError.invalidRequest(e.getMessage());
            };
        }
    }
}
