package dev.gatehouse.identity.oauth;

import dev.gatehouse.identity.hosted.QueryParameters;
import dev.gatehouse.identity.pool.AppClient;
import dev.gatehouse.identity.pool.UserPool;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Who calls {@code /oauth2/token} (and {@code /oauth2/revoke}): HTTP Basic ({@code
 * client_secret_basic}, id and secret form-encoded then Base64, RFC 6749 section 2.3.1) or {@code
 * client_id} + {@code client_secret} in the body ({@code client_secret_post}), never both. A client
 * with a secret must prove it; a client without one must not present one.
 */
@ApplicationScoped
public class ClientAuthentication {

    private final UserPool pool;

    ClientAuthentication(UserPool pool) {
        this.pool = pool;
    }

    public AppClient authenticate(Optional<String> authorization, QueryParameters form) {
        if (form.isRepeated("client_id") || form.isRepeated("client_secret")) {
            throw OAuthError.invalidRequest("client_id or client_secret repeated");
        }
        Optional<String[]> basic = authorization.map(ClientAuthentication::basic);
        boolean triedBasic = basic.isPresent();
        if (triedBasic && form.get("client_secret").isPresent()) {
            throw OAuthError.invalidRequest("two ways of client authentication");
        }
        String clientId =
                basic.map(b -> b[0])
                        .or(() -> form.get("client_id"))
                        .orElseThrow(() -> OAuthError.invalidClient("no client_id", false));
        if (triedBasic && form.get("client_id").filter(id -> !id.equals(clientId)).isPresent()) {
            throw OAuthError.invalidRequest("client_id differs from the Basic credentials");
        }
        Optional<String> secret = basic.map(b -> b[1]).or(() -> form.get("client_secret"));
        AppClient client = pool.clientsById().get(clientId);
        if (client == null) {
            throw OAuthError.invalidClient("unknown client", triedBasic);
        }
        if (client.secret().isPresent()) {
            if (secret.isEmpty() || !client.secret().get().matches(secret.get())) {
                throw OAuthError.invalidClient("wrong or missing client secret", triedBasic);
            }
        } else if (secret.filter(s -> !s.isEmpty()).isPresent()) {
            throw OAuthError.invalidClient("client has no secret", triedBasic);
        }
        return client;
    }

    /** {@code Basic base64(urlencode(id):urlencode(secret))}, split. */
    private static String[] basic(String header) {
        if (!header.regionMatches(true, 0, "Basic ", 0, 6) || header.length() > 1024) {
            throw OAuthError.invalidClient("unsupported Authorization scheme", true);
        }
        try {
            String decoded =
                    new String(
                            Base64.getDecoder().decode(header.substring(6).strip()),
                            StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                throw OAuthError.invalidClient("malformed Basic credentials", true);
            }
            return new String[] {
                URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)
            };
        } catch (IllegalArgumentException e) {
            throw OAuthError.invalidClient("malformed Basic credentials", true);
        }
    }
}
