package dev.gatehouse.identity.identitypool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.identity.oidc.OidcProviders;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/**
 * Verification of an outside OIDC provider's ID token as a login ({@link OidcProviders}): RS256
 * with a key of the provider's JWKS, {@code iss} = the provider's URL, {@code aud} in its client id
 * list, {@code exp} in the future; a failure answers with Cognito Identity's error. Used for the
 * identity pools' {@code Logins} ({@link LoginVerifier}) and STS's web identity tokens ({@link
 * WebIdentityTokens}).
 */
@ApplicationScoped
public class OidcLogins {

    private static final Base64.Decoder URL = Base64.getUrlDecoder();

    private final OidcProviders providers;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    OidcLogins(OidcProviders providers, ObjectMapper json) {
        this.providers = providers;
        this.json = json;
    }

    /** Verifies an ID token of the provider whose issuer host is {@code host}. */
    public VerifiedLogin verify(String host, String token) {
        OidcProviders.Provider provider =
                providers.provider(host).orElseThrow(IdentityPoolErrors::unsupportedProvider);
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
            Optional<PublicKey> key = providers.key(host, header.path("kid").asText());
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

    private static String audience(JsonNode claims, OidcProviders.Provider provider) {
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
