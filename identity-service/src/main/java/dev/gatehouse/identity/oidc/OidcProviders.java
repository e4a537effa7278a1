package dev.gatehouse.identity.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.identity.identitypool.IdentityPoolErrors;
import dev.gatehouse.identity.identitypool.LoginVerifier;
import dev.gatehouse.identity.identitypool.VerifiedLogin;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The configured outside OIDC providers by issuer host ({@code Logins} key, the part of the
 * provider ARN after {@code oidc-provider/}), and verification of their ID tokens: RS256 with a key
 * of the provider's JWKS, {@code iss} = the provider's URL, {@code aud} in its client id list,
 * {@code exp} in the future.
 */
@ApplicationScoped
public class OidcProviders {

    /** A provider, by its ARN's resource part ({@code host/path}). */
    public record Provider(String host, String url, java.util.List<String> clientIds) {}

    private static final Base64.Decoder URL = Base64.getUrlDecoder();

    private final Map<String, Provider> byHost = new LinkedHashMap<>();
    private final Map<String, JwksCache> keys = new LinkedHashMap<>();
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    OidcProviders(OidcProvidersConfig config, ObjectMapper json) {
        this.json = json;
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

    /** Verifies an ID token of the provider whose issuer host is {@code host}. */
    public VerifiedLogin verify(String host, String token) {
        Provider provider = provider(host).orElseThrow(IdentityPoolErrors::unsupportedProvider);
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw IdentityPoolErrors.couldNotVerify();
        }
        JsonNode claims;
        try {
            JsonNode header = json.readTree(URL.decode(parts[0]));
            if (!"RS256".equals(header.path("alg").asText())) {
                throw IdentityPoolErrors.couldNotVerify();
            }
            Optional<PublicKey> key = keys.get(host).key(header.path("kid").asText());
            if (key.isEmpty()
                    || !verify(key.get(), parts[0] + "." + parts[1], URL.decode(parts[2]))) {
                throw IdentityPoolErrors.couldNotVerify();
            }
            claims = json.readTree(new String(URL.decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            Log.debugf("OIDC token of %s unreadable: %s", host, e.getMessage());
            throw IdentityPoolErrors.couldNotVerify();
        }
        if (claims == null || !claims.isObject()) {
            throw IdentityPoolErrors.couldNotVerify();
        }
        if (!provider.url().equals(claims.path("iss").asText())) {
            throw IdentityPoolErrors.invalidLoginToken("Issuer doesn't match providerName");
        }
        LoginVerifier.checkExpiry(clock, claims);
        String audience = audience(claims, provider);
        if (audience == null) {
            throw IdentityPoolErrors.invalidLoginToken("Incorrect token audience.");
        }
        String sub = claims.path("sub").asText("");
        if (sub.isEmpty()) {
            throw IdentityPoolErrors.couldNotVerify();
        }
        return new VerifiedLogin(host, sub, audience, claims);
    }

    private static String audience(JsonNode claims, Provider provider) {
        JsonNode aud = claims.get("aud");
        if (aud != null && aud.isTextual() && provider.clientIds().contains(aud.asText())) {
            return aud.asText();
        }
        if (aud != null && aud.isArray()) {
            for (JsonNode one : aud) {
                if (provider.clientIds().contains(one.asText())) {
                    return one.asText();
                }
            }
        }
        return null;
    }

    private static boolean verify(PublicKey key, String input, byte[] signature) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update(input.getBytes(StandardCharsets.US_ASCII));
            return rsa.verify(signature);
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }
}
