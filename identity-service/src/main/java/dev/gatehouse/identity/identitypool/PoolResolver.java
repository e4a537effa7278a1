package dev.gatehouse.identity.identitypool;

import dev.gatehouse.auth.iam.config.IamConfig;
import dev.gatehouse.auth.iam.credentials.IamPrincipal;
import dev.gatehouse.auth.iam.credentials.PrincipalCatalog;
import dev.gatehouse.identity.identitypool.config.IdentityPoolsConfig;
import dev.gatehouse.identity.pool.UserPool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Resolves one configured pool, collecting every error with its property name. */
final class PoolResolver {

    private static final Pattern POOL_ID = Pattern.compile("[\\w-]+:[0-9a-f-]+");
    private static final Pattern OIDC_ARN =
            Pattern.compile("arn:aws:iam::\\d{12}:oidc-provider/(.+)");

    private final String name;
    private final IdentityPoolsConfig.Pool pool;
    private final IamConfig iam;
    private final PrincipalCatalog principals;
    private final UserPool userPool;
    private final String userPoolProvider;
    private final List<String> errors;
    private final String prefix;

    PoolResolver(
            String name,
            IdentityPoolsConfig.Pool pool,
            IamConfig iam,
            PrincipalCatalog principals,
            UserPool userPool,
            String userPoolProvider,
            List<String> errors) {
        this.name = name;
        this.pool = pool;
        this.iam = iam;
        this.principals = principals;
        this.userPool = userPool;
        this.userPoolProvider = userPoolProvider;
        this.errors = errors;
        this.prefix = "gatehouse.identity-pools.pools." + name + ".";
    }

    IdentityPool resolve() {
        int before = errors.size();
        String id =
                pool.identityPoolId()
                        .orElseGet(
                                () -> IdentityPools.derivedId(iam.region(), iam.accountId(), name));
        if (!POOL_ID.matcher(id).matches() || id.length() > 55) {
            errors.add(prefix + "identity-pool-id must be <region>:<uuid>, not '" + id + "'");
        }
        Map<String, List<String>> clients = new LinkedHashMap<>();
        Set<String> checked = new LinkedHashSet<>();
        pool.cognitoIdentityProviders()
                .forEach(
                        (key, provider) -> {
                            String providerName = provider.providerName().orElse(userPoolProvider);
                            if (!providerName.equals(userPoolProvider)) {
                                errors.add(
                                        prefix
                                                + "cognito-identity-providers."
                                                + key
                                                + ".provider-name: only this service's user pool ("
                                                + userPoolProvider
                                                + ") can be a provider");
                                return;
                            }
                            Optional<String> client =
                                    IdentityPools.clientId(userPool, provider.clientId());
                            if (client.isEmpty()) {
                                errors.add(
                                        prefix
                                                + "cognito-identity-providers."
                                                + key
                                                + ".client-id: no app client '"
                                                + provider.clientId()
                                                + "'");
                                return;
                            }
                            clients.computeIfAbsent(providerName, k -> new ArrayList<>())
                                    .add(client.get());
                            if (provider.serverSideTokenCheck()) {
                                checked.add(client.get());
                            }
                        });
        List<String> oidc = new ArrayList<>();
        for (String arn : pool.openIdConnectProviderArns().orElse(List.of())) {
            var match = OIDC_ARN.matcher(arn.trim());
            if (!match.matches()) {
                errors.add(
                        prefix
                                + "open-id-connect-provider-arns: '"
                                + arn
                                + "' is not arn:aws:iam::<account>:oidc-provider/<host>");
            } else {
                oidc.add(match.group(1));
            }
        }
        Map<String, String> roles = new LinkedHashMap<>();
        pool.roles()
                .forEach(
                        (type, arn) -> {
                            if (!type.equals("authenticated") && !type.equals("unauthenticated")) {
                                errors.add(
                                        prefix
                                                + "roles."
                                                + type
                                                + ": the keys are authenticated and"
                                                + " unauthenticated");
                            } else {
                                requireRole(prefix + "roles." + type, arn);
                                roles.put(type, arn);
                            }
                        });
        Map<String, RoleMapping> mappings = new LinkedHashMap<>();
        pool.roleMappings()
                .forEach(
                        (key, mapping) -> {
                            String path = prefix + "role-mappings." + key + ".";
                            RoleMapping resolved = mapping(path, mapping);
                            if (resolved != null) {
                                mappings.put(
                                        providerKey(path, mapping.identityProvider()), resolved);
                            }
                        });
        if (mappings.size() > 10) {
            errors.add(prefix + "role-mappings: at most 10");
        }
        if (errors.size() > before) {
            return null;
        }
        return new IdentityPool(
                id,
                pool.identityPoolName().orElse(name),
                pool.allowUnauthenticatedIdentities(),
                pool.allowClassicFlow(),
                Map.copyOf(clients),
                Set.copyOf(checked),
                List.copyOf(oidc),
                pool.developerProviderName(),
                Map.copyOf(roles),
                Map.copyOf(mappings));
    }

    /** {@code <userPoolProvider>:<client name>} becomes {@code ...:<client id>}. */
    private String providerKey(String path, String provider) {
        int colon = provider.lastIndexOf(':');
        if (provider.startsWith("cognito-idp.") && colon > 0) {
            String client = provider.substring(colon + 1);
            Optional<String> id = IdentityPools.clientId(userPool, client);
            if (id.isEmpty()) {
                errors.add(path + "identity-provider: no app client '" + client + "'");
                return provider;
            }
            return provider.substring(0, colon + 1) + id.get();
        }
        return provider;
    }

    private RoleMapping mapping(String path, IdentityPoolsConfig.RoleMapping mapping) {
        boolean token = mapping.type().equals("Token");
        if (!token && !mapping.type().equals("Rules")) {
            errors.add(path + "type must be Token or Rules");
            return null;
        }
        String ambiguous = mapping.ambiguousRoleResolution();
        if (!ambiguous.equals("AuthenticatedRole") && !ambiguous.equals("Deny")) {
            errors.add(path + "ambiguous-role-resolution must be AuthenticatedRole or Deny");
            return null;
        }
        List<RoleMapping.Rule> rules = new ArrayList<>();
        List<IdentityPoolsConfig.Rule> configured = mapping.rules().orElse(List.of());
        if (!token && (configured.isEmpty() || configured.size() > 25)) {
            errors.add(path + "rules: Rules mappings need 1 to 25 rules");
        }
        for (int i = 0; i < configured.size(); i++) {
            IdentityPoolsConfig.Rule rule = configured.get(i);
            String rulePath = path + "rules[" + i + "].";
            Optional<RoleMapping.MatchType> type = RoleMapping.MatchType.of(rule.matchType());
            if (type.isEmpty()) {
                errors.add(
                        rulePath + "match-type must be Equals, Contains, StartsWith or NotEqual");
                continue;
            }
            requireRole(rulePath + "role-arn", rule.roleArn());
            rules.add(new RoleMapping.Rule(rule.claim(), type.get(), rule.value(), rule.roleArn()));
        }
        return new RoleMapping(token, ambiguous.equals("Deny"), List.copyOf(rules));
    }

    private void requireRole(String path, String arn) {
        Optional<IamPrincipal> role =
                principals.all().values().stream().filter(p -> p.arn().equals(arn)).findFirst();
        if (role.isEmpty() || !role.get().role()) {
            errors.add(path + ": '" + arn + "' is not a role of gatehouse.iam.principals");
        }
    }
}
