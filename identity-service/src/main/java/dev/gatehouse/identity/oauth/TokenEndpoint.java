package dev.gatehouse.identity.oauth;

import dev.gatehouse.identity.auth.PasswordAuthentication;
import dev.gatehouse.identity.hosted.AuthorizationCodes;
import dev.gatehouse.identity.hosted.QueryParameters;
import dev.gatehouse.identity.pool.AppClient;
import dev.gatehouse.identity.protocol.CognitoException;
import dev.gatehouse.identity.token.OAuthGrant;
import dev.gatehouse.identity.token.TokenIssuer;
import dev.gatehouse.identity.user.User;
import dev.gatehouse.identity.user.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /oauth2/token} (Cognito's token endpoint): {@code authorization_code} (a code of
 * {@link AuthorizationCodes}, bound to client, {@code redirect_uri} and PKCE verifier), {@code
 * refresh_token} (the API's refresh, so revocation and sign-out apply alike) and {@code
 * client_credentials} (clients with a secret, resource-server scopes only). Answers in Cognito's
 * order and names ({@code id_token}, {@code access_token}, {@code refresh_token}, {@code
 * expires_in}, {@code token_type}); failures are {@link OAuthError}s.
 */
@ApplicationScoped
public class TokenEndpoint {

    private static final List<String> SINGLE =
            List.of(
                    "grant_type",
                    "code",
                    "redirect_uri",
                    "code_verifier",
                    "refresh_token",
                    "scope");

    private final ClientAuthentication clients;
    private final AuthorizationCodes codes;
    private final UserStore users;
    private final TokenIssuer tokens;
    private final PasswordAuthentication passwords;
    private final OAuthScopes scopes;

    TokenEndpoint(
            ClientAuthentication clients,
            AuthorizationCodes codes,
            UserStore users,
            TokenIssuer tokens,
            PasswordAuthentication passwords,
            OAuthScopes scopes) {
        this.clients = clients;
        this.codes = codes;
        this.users = users;
        this.tokens = tokens;
        this.passwords = passwords;
        this.scopes = scopes;
    }

    public Map<String, Object> token(Optional<String> authorization, String body) {
        QueryParameters form;
        try {
            form = QueryParameters.parse(body);
        } catch (QueryParameters.MalformedException e) {
            throw OAuthError.invalidRequest(e.getMessage());
        }
        form.anyRepeated(SINGLE)
                .ifPresent(
                        name -> {
                            throw OAuthError.invalidRequest(name + " repeated");
                        });
        String grantType =
                form.get("grant_type")
                        .orElseThrow(() -> OAuthError.invalidRequest("grant_type missing"));
        if (!List.of("authorization_code", "refresh_token", "client_credentials")
                .contains(grantType)) {
            throw OAuthError.unsupportedGrantType(grantType);
        }
        AppClient client = clients.authenticate(authorization, form);
        return switch (grantType) {
            case "authorization_code" -> authorizationCode(client, form);
            case "refresh_token" -> refresh(client, form);
            default -> clientCredentials(client, form);
        };
    }

    private Map<String, Object> authorizationCode(AppClient client, QueryParameters form) {
        if (!client.oauth().allowsFlow("code")) {
            throw OAuthError.unauthorizedClient("code grant not allowed");
        }
        String code = form.get("code").orElseThrow(() -> OAuthError.invalidRequest("no code"));
        String redirectUri =
                form.get("redirect_uri")
                        .orElseThrow(() -> OAuthError.invalidRequest("no redirect_uri"));
        AuthorizationCodes.Redemption redemption =
                codes.redeem(code, client.id(), redirectUri, form.get("code_verifier"));
        if (redemption instanceof AuthorizationCodes.Refused refused) {
            throw OAuthError.invalidGrant("code refused: " + refused.reason());
        }
        AuthorizationCodes.CodeGrant grant = ((AuthorizationCodes.Redeemed) redemption).grant();
        User user =
                users.byUsername(grant.username())
                        .filter(u -> u.sub().equals(grant.sub()))
                        .filter(User::enabled)
                        .orElseThrow(() -> OAuthError.invalidGrant("user gone or disabled"));
        Map<String, Object> result =
                tokens.signIn(
                        user,
                        client,
                        grant.authTime(),
                        new OAuthGrant(grant.scope(), grant.nonce()));
        return reply(result);
    }

    private Map<String, Object> refresh(AppClient client, QueryParameters form) {
        if (!client.oauth().allowedOAuthFlowsUserPoolClient()) {
            throw OAuthError.unauthorizedClient("OAuth not enabled for the client");
        }
        String token =
                form.get("refresh_token")
                        .orElseThrow(() -> OAuthError.invalidRequest("no refresh_token"));
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> result =
                    (Map<String, Object>)
                            passwords
                                    .refreshAuthenticatedClient(client, token)
                                    .get("AuthenticationResult");
            return reply(result);
        } catch (CognitoException e) {
            throw OAuthError.invalidGrant("refresh refused: " + e.getMessage());
        }
    }

    private Map<String, Object> clientCredentials(AppClient client, QueryParameters form) {
        if (client.secret().isEmpty() || !client.oauth().allowsFlow("client_credentials")) {
            throw OAuthError.unauthorizedClient("client_credentials not allowed");
        }
        String granted = scopes.forClientCredentials(client, form.get("scope"));
        return reply(tokens.clientCredentials(client, granted));
    }

    /** Cognito's JSON names, in its order. */
    private static Map<String, Object> reply(Map<String, Object> result) {
        Map<String, Object> reply = new LinkedHashMap<>();
        if (result.containsKey("IdToken")) {
            reply.put("id_token", result.get("IdToken"));
        }
        reply.put("access_token", result.get("AccessToken"));
        if (result.containsKey("RefreshToken")) {
            reply.put("refresh_token", result.get("RefreshToken"));
        }
        reply.put("expires_in", result.get("ExpiresIn"));
        reply.put("token_type", "Bearer");
        return reply;
    }
}
