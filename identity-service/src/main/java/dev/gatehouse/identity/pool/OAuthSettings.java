package dev.gatehouse.identity.pool;

import java.util.List;
import java.util.Set;

/**
 * An app client's OAuth 2.0 settings, in {@code AWS::Cognito::UserPoolClient}'s terms: {@code
 * CallbackURLs}, {@code LogoutURLs}, {@code AllowedOAuthFlows}, {@code
 * AllowedOAuthFlowsUserPoolClient}, {@code AllowedOAuthScopes}, {@code SupportedIdentityProviders}.
 */
public record OAuthSettings(
        List<String> callbackUrls,
        List<String> logoutUrls,
        Set<String> allowedOAuthFlows,
        boolean allowedOAuthFlowsUserPoolClient,
        Set<String> allowedOAuthScopes,
        Set<String> supportedIdentityProviders) {

    /** The user pool's own users, the only identity provider this service hosts. */
    public static final String COGNITO = "COGNITO";

    /** No OAuth 2.0 at all (Cognito's default for a client created without these settings). */
    public static final OAuthSettings NONE =
            new OAuthSettings(List.of(), List.of(), Set.of(), false, Set.of(), Set.of());

    public OAuthSettings {
        callbackUrls = List.copyOf(callbackUrls);
        logoutUrls = List.copyOf(logoutUrls);
        allowedOAuthFlows = Set.copyOf(allowedOAuthFlows);
        allowedOAuthScopes = Set.copyOf(allowedOAuthScopes);
        supportedIdentityProviders = Set.copyOf(supportedIdentityProviders);
    }

    /** {@code flow} ({@code code}, {@code client_credentials}) is allowed and OAuth is on. */
    public boolean allowsFlow(String flow) {
        return allowedOAuthFlowsUserPoolClient && allowedOAuthFlows.contains(flow);
    }

    /** {@code redirect_uri} equals one of the {@code CallbackURLs}, byte for byte. */
    public boolean isCallback(String redirectUri) {
        return redirectUri != null && callbackUrls.contains(redirectUri);
    }

    /** {@code logout_uri} equals one of the {@code LogoutURLs}, byte for byte. */
    public boolean isLogout(String logoutUri) {
        return logoutUri != null && logoutUrls.contains(logoutUri);
    }

    public boolean signsInPoolUsers() {
        return supportedIdentityProviders.contains(COGNITO);
    }
}
