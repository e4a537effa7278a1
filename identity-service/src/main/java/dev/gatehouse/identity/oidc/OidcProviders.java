package dev.gatehouse.identity.oidc;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The configured outside OIDC providers by issuer host ({@code Logins} key, the part of the
 * provider ARN after {@code oidc-provider/}) and the keys of their JWKS. Verifying their ID tokens
 * is the identity pools' ({@code identitypool.OidcLogins}), which answer in Cognito Identity's
 * errors; this package knows nothing of identity pools or STS.
 */
@ApplicationScoped
public class OidcProviders {

    /** A provider, by its ARN's resource part ({@code host/path}). */
    public record Provider(String host, String url, java.util.List<String> clientIds) {}

    private final Map<String, Provider> byHost = new LinkedHashMap<>();
    private final Map<String, JwksCache> keys = new LinkedHashMap<>();

    OidcProviders(OidcProvidersConfig config, ObjectMapper json) {
        config.providers()
                .forEach(
                        (name, provider) -> {
                            String host = host(provider.url());
                            byHost.put(
                                    host,
                                    new Provider(host, provider.url(), provider.clientIdList()));
                            keys.put(
                                    host,
                                    new JwksCache(
                                            json,
                                            provider.url(),
                                            provider.jwksUri(),
                                            config.jwksCacheTtl(),
                                            config.fetchTimeout()));
                        });
    }

    /** {@code https://login.example.com/path/} as {@code login.example.com/path}. */
    public static String host(String url) {
        String host = url.replaceFirst("^https?://", "");
        return host.endsWith("/") ? host.substring(0, host.length() - 1) : host;
    }

    public Optional<Provider> provider(String host) {
        return Optional.ofNullable(byHost.get(host));
    }

    /**
     * The key {@code kid} of the JWKS of the provider whose issuer host is {@code host} (fetched,
     * then cached for {@code jwks-cache-ttl}), if the provider is configured and publishes it.
     */
    public Optional<PublicKey> key(String host, String kid) {
        return Optional.ofNullable(keys.get(host)).flatMap(jwks -> jwks.key(kid));
    }
}
