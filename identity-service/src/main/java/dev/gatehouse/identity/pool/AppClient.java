package dev.gatehouse.identity.pool;

import java.util.Optional;
import java.util.Set;

/**
 * An app client: its id, the flows it allows ({@code ExplicitAuthFlows}), whether it hides whether
 * users exist ({@code PreventUserExistenceErrors=ENABLED}), its OAuth 2.0 settings and its secret
 * ({@code GenerateSecret}), if it has one.
 */
public record AppClient(
        String name,
        String id,
        Set<String> explicitAuthFlows,
        boolean preventUserExistenceErrors,
        OAuthSettings oauth,
        Optional<ClientSecret> secret) {

    /** A client without OAuth settings or secret (the API-only clients). */
    public AppClient(
            String name,
            String id,
            Set<String> explicitAuthFlows,
            boolean preventUserExistenceErrors) {
        this(
                name,
                id,
                explicitAuthFlows,
                preventUserExistenceErrors,
                OAuthSettings.NONE,
                Optional.empty());
    }

    public boolean allows(String explicitAuthFlow) {
        return explicitAuthFlows.contains(explicitAuthFlow);
    }

    public boolean hasSecret() {
        return secret.isPresent();
    }
}
