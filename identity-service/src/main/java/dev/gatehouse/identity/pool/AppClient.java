package dev.gatehouse.identity.pool;

import java.util.Set;

/**
 * An app client: its id, the flows it allows ({@code ExplicitAuthFlows}) and whether it hides
 * whether users exist ({@code PreventUserExistenceErrors=ENABLED}).
 */
public record AppClient(
        String name, String id, Set<String> explicitAuthFlows, boolean preventUserExistenceErrors) {

    public boolean allows(String explicitAuthFlow) {
        return explicitAuthFlows.contains(explicitAuthFlow);
    }
}
