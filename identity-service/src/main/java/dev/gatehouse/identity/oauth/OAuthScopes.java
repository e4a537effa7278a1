package dev.gatehouse.identity.oauth;

import dev.gatehouse.identity.pool.AppClient;
import dev.gatehouse.identity.pool.ResourceServers;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which scopes a {@code client_credentials} token gets: those asked for, each allowed to the client
 * ({@code AllowedOAuthScopes}) and a resource server's ({@code <identifier>/<scope>}), else {@code
 * invalid_scope}; with none asked for, all the client's resource-server scopes (Cognito's rule for
 * an absent {@code scope}).
 */
@ApplicationScoped
public class OAuthScopes {

    private final ResourceServers servers;

    OAuthScopes(ResourceServers servers) {
        this.servers = servers;
    }

    public String forClientCredentials(AppClient client, Optional<String> requested) {
        List<String> granted = new ArrayList<>();
        for (String scope : requested.orElse("").split(" ")) {
            if (scope.isEmpty() || granted.contains(scope)) {
                continue;
            }
            if (!client.oauth().allowedOAuthScopes().contains(scope)
                    || !servers.isCustomScope(scope)) {
                throw OAuthError.invalidScope(scope + " not allowed");
            }
            granted.add(scope);
        }
        if (granted.isEmpty()) {
            client.oauth().allowedOAuthScopes().stream()
                    .filter(servers::isCustomScope)
                    .sorted()
                    .forEach(granted::add);
        }
        if (granted.isEmpty()) {
            throw OAuthError.invalidScope("the client has no resource-server scope");
        }
        return String.join(" ", granted);
    }
}
