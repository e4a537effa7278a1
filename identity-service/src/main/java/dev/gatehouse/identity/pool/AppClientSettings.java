package dev.gatehouse.identity.pool;

import dev.gatehouse.auth.api.MasterKey;
import dev.gatehouse.identity.pool.config.IdentityConfig;
import io.quarkus.redis.datasource.hash.HashCommands;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a configured client into its OAuth settings and secret, refusing at startup what
 * CreateUserPoolClient refuses (unknown scopes, {@code client_credentials} without a secret or
 * mixed with {@code code}), so a misconfiguration never surfaces as a confusing answer later.
 */
final class AppClientSettings {

    /** The scopes Cognito defines itself; all others are resource-server scopes. */
    static final Set<String> STANDARD_SCOPES =
            Set.of("openid", "email", "profile", "phone", "aws.cognito.signin.user.admin");

    private static final Set<String> FLOWS = Set.of("code", "implicit", "client_credentials");

    private AppClientSettings() {}

    static OAuthSettings oauth(
            String name, IdentityConfig.ClientConfig client, ResourceServers servers) {
        Set<String> flows = new LinkedHashSet<>(client.allowedOAuthFlows().orElse(List.of()));
        Set<String> scopes = new LinkedHashSet<>(client.allowedOAuthScopes().orElse(List.of()));
        for (String flow : flows) {
            require(FLOWS.contains(flow), name, "allowed-oauth-flows has an unknown flow " + flow);
        }
        for (String scope : scopes) {
            require(
                    STANDARD_SCOPES.contains(scope) || servers.isCustomScope(scope),
                    name,
                    "allowed-oauth-scopes names " + scope + ", which no resource server declares");
        }
        if (flows.contains("client_credentials")) {
            require(client.generateSecret(), name, "client_credentials needs generate-secret=true");
            require(
                    flows.size() == 1,
                    name,
                    "client_credentials cannot be combined with other OAuth flows");
        }
        for (String url : client.callbackUrls().orElse(List.of())) {
            require(isAbsoluteWithoutFragment(url), name, "callback-urls has " + url);
        }
        for (String url : client.logoutUrls().orElse(List.of())) {
            require(isAbsoluteWithoutFragment(url), name, "logout-urls has " + url);
        }
        return new OAuthSettings(
                client.callbackUrls().orElse(List.of()),
                client.logoutUrls().orElse(List.of()),
                flows,
                client.allowedOAuthFlowsUserPoolClient(),
                scopes,
                new LinkedHashSet<>(client.supportedIdentityProviders().orElse(List.of())));
    }

    /**
     * The supplied secret, else the one minted at first start and kept sealed in the pool hash
     * (HSETNX, so concurrent first starts agree).
     */
    static Optional<ClientSecret> secret(
            String name,
            IdentityConfig.ClientConfig client,
            HashCommands<String, String, String> hash,
            MasterKey masterKey) {
        Optional<String> supplied = client.clientSecret().filter(s -> !s.isBlank());
        if (!client.generateSecret()) {
            require(supplied.isEmpty(), name, "client-secret needs generate-secret=true");
            return Optional.empty();
        }
        if (supplied.isPresent()) {
            require(
                    supplied.get().matches(ClientSecret.PATTERN),
                    name,
                    "client-secret must be 24-64 letters, digits, '_' or '+'");
            return Optional.of(new ClientSecret(supplied.get()));
        }
        String field = "client-secret." + name + ".sealed";
        String aad = UserPoolProvisioner.KEY + ":" + field;
        hash.hsetnx(UserPoolProvisioner.KEY, field, masterKey.seal(aad, RandomIds.clientSecret()));
        String secret =
                masterKey
                        .open(aad, hash.hget(UserPoolProvisioner.KEY, field))
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "the secret of client "
                                                        + name
                                                        + " was sealed under another master key"));
        return Optional.of(new ClientSecret(secret));
    }

    /** RFC 6749 3.1.2: an absolute URI without a fragment (also: one a redirect can carry). */
    private static boolean isAbsoluteWithoutFragment(String url) {
        try {
            java.net.URI uri = new java.net.URI(url);
            return uri.isAbsolute() && uri.getFragment() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static void require(boolean condition, String client, String problem) {
        if (!condition) {
            throw new IllegalStateException(
                    "gatehouse.identity.clients." + client + ": " + problem);
        }
    }
}
