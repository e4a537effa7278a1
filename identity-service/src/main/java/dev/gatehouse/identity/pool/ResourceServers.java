package dev.gatehouse.identity.pool;

import dev.gatehouse.identity.pool.config.IdentityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pool's resource servers ({@code AWS::Cognito::UserPoolResourceServer}): which custom scopes
 * ({@code <Identifier>/<ScopeName>}) exist, with their descriptions.
 */
@ApplicationScoped
public class ResourceServers {

    /** One resource server: {@code Identifier}, {@code Name}, {@code Scopes} by name. */
    public record ResourceServer(String identifier, String name, Map<String, String> scopes) {}

    private final Map<String, ResourceServer> byIdentifier = new TreeMap<>();

    ResourceServers(IdentityConfig config) {
        config.resourceServers()
                .values()
                .forEach(
                        server -> {
                            Map<String, String> scopes = new TreeMap<>();
                            server.scopes()
                                    .forEach(
                                            (name, scope) ->
                                                    scopes.put(name, scope.scopeDescription()));
                            byIdentifier.put(
                                    server.identifier(),
                                    new ResourceServer(
                                            server.identifier(),
                                            server.name(),
                                            Map.copyOf(scopes)));
                        });
    }

    /** Whether {@code scope} is {@code <Identifier>/<ScopeName>} of a declared resource server. */
    public boolean isCustomScope(String scope) {
        int slash = scope.lastIndexOf('/');
        if (slash <= 0) {
            return false;
        }
        ResourceServer server = byIdentifier.get(scope.substring(0, slash));
        return server != null && server.scopes().containsKey(scope.substring(slash + 1));
    }

    public Map<String, ResourceServer> all() {
        return Map.copyOf(byIdentifier);
    }
}
