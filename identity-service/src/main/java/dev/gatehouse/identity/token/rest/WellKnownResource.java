package dev.gatehouse.identity.token.rest;

import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.pool.config.IdentityConfig;
import dev.gatehouse.identity.token.SigningKey;
import dev.gatehouse.identity.token.SigningKeys;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JWKS and OpenID discovery under {@code /{poolId}/.well-known/}, as Cognito serves them. */
@Path("/{poolId}/.well-known")
@Produces(MediaType.APPLICATION_JSON)
public class WellKnownResource {

    private final UserPool pool;
    private final SigningKeys.Pair keys;
    private final String domain;

    WellKnownResource(UserPool pool, SigningKeys.Pair keys, IdentityConfig config) {
        this.pool = pool;
        this.keys = keys;
        this.domain = config.hosted().domain().orElse(config.issuerBase()).replaceAll("/+$", "");
    }

    @GET
    @Path("jwks.json")
    public Map<String, Object> jwks(@PathParam("poolId") String poolId) {
        requirePool(poolId);
        return Map.of("keys", keys.all().stream().map(SigningKey::jwk).toList());
    }

    /**
     * The members real Cognito announces for a pool with a domain, and no others (e.g. no {@code
     * code_challenge_methods_supported}): OAuth endpoints on the pool's domain, keys and issuer
     * under the issuer.
     */
    @GET
    @Path("openid-configuration")
    public Map<String, Object> openidConfiguration(@PathParam("poolId") String poolId) {
        requirePool(poolId);
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("authorization_endpoint", domain + "/oauth2/authorize");
        configuration.put("end_session_endpoint", domain + "/logout");
        configuration.put("id_token_signing_alg_values_supported", List.of("RS256"));
        configuration.put("issuer", pool.issuer());
        configuration.put("jwks_uri", pool.issuer() + "/.well-known/jwks.json");
        configuration.put("response_types_supported", List.of("code"));
        configuration.put("revocation_endpoint", domain + "/oauth2/revoke");
        configuration.put("scopes_supported", List.of("openid", "email", "phone", "profile"));
        configuration.put("subject_types_supported", List.of("public"));
        configuration.put("token_endpoint", domain + "/oauth2/token");
        configuration.put(
                "token_endpoint_auth_methods_supported",
                List.of("client_secret_basic", "client_secret_post"));
        configuration.put("userinfo_endpoint", domain + "/oauth2/userInfo");
        return configuration;
    }

    private void requirePool(String poolId) {
        if (!pool.id().equals(poolId)) {
            throw new NotFoundException();
        }
    }
}
