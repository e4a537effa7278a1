package dev.gatehouse.identity.identitypool;

import dev.gatehouse.identity.protocol.Members;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The response shapes of the describing admin operations, in the model's member names. */
final class IdentityPoolDescriptions {

    private IdentityPoolDescriptions() {}

    static Map<String, Object> pool(IdentityPool pool, String accountId) {
        List<Map<String, Object>> providers = new ArrayList<>();
        pool.userPoolClients()
                .forEach(
                        (provider, clients) ->
                                clients.forEach(
                                        client ->
                                                providers.add(
                                                        Members.of(
                                                                "ProviderName",
                                                                provider,
                                                                "ClientId",
                                                                client,
                                                                "ServerSideTokenCheck",
                                                                pool.serverSideTokenCheck()
                                                                        .contains(client)))));
        return Members.of(
                "IdentityPoolId", pool.id(),
                "IdentityPoolName", pool.name(),
                "AllowUnauthenticatedIdentities", pool.allowUnauthenticatedIdentities(),
                "AllowClassicFlow", pool.allowClassicFlow(),
                "SupportedLoginProviders", Map.of(),
                "DeveloperProviderName", pool.developerProviderName().orElse(null),
                "CognitoIdentityProviders", providers,
                "OpenIdConnectProviderARNs",
                        pool.openIdProviders().stream()
                                .map(host -> "arn:aws:iam::" + accountId + ":oidc-provider/" + host)
                                .toList(),
                "SamlProviderARNs", List.of(),
                "IdentityPoolTags", Map.of());
    }

    static Map<String, Object> roles(IdentityPool pool) {
        Map<String, Object> mappings = new LinkedHashMap<>();
        pool.roleMappings()
                .forEach(
                        (provider, mapping) -> {
                            List<Map<String, Object>> rules =
                                    mapping.rules().stream()
                                            .map(
                                                    r ->
                                                            Members.of(
                                                                    "Claim", r.claim(),
                                                                    "MatchType",
                                                                            r.matchType().awsName(),
                                                                    "Value", r.value(),
                                                                    "RoleARN", r.roleArn()))
                                            .toList();
                            mappings.put(
                                    provider,
                                    Members.of(
                                            "Type", mapping.tokenBased() ? "Token" : "Rules",
                                            "AmbiguousRoleResolution",
                                                    mapping.denyWhenAmbiguous()
                                                            ? "Deny"
                                                            : "AuthenticatedRole",
                                            "RulesConfiguration",
                                                    mapping.tokenBased()
                                                            ? null
                                                            : Map.of("Rules", rules)));
                        });
        return Members.of(
                "IdentityPoolId", pool.id(),
                "Roles", pool.roles(),
                "RoleMappings", mappings.isEmpty() ? null : mappings);
    }

    static Map<String, Object> identity(Identity identity) {
        return Members.of(
                "IdentityId",
                identity.id(),
                "Logins",
                identity.logins(),
                "CreationDate",
                identity.created().toEpochMilli() / 1000.0,
                "LastModifiedDate",
                identity.lastModified().toEpochMilli() / 1000.0);
    }
}
