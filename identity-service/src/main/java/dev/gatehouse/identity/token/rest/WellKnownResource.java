package dev.gatehouse.identity.token.rest;

import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.token.SigningKey;
import dev.gatehouse.identity.token.SigningKeys;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** JWKS and OpenID discovery under {@code /{poolId}/.well-known/}, as Cognito serves them. */
@Path("/{poolId}/.well-known")
@Produces(MediaType.APPLICATION_JSON)
public class WellKnownResource {

    private final UserPool pool;
    private final SigningKeys.Pair keys;

    WellKnownResource(UserPool pool, SigningKeys.Pair keys) {
        this.pool = pool;
        this.keys = keys;
    }

    @GET
    @Path("jwks.json")
    public Map<String, Object> jwks(@PathParam("poolId") String poolId) {
        requirePool(poolId);
        return Map.of("keys", keys.all().stream().map(SigningKey::jwk).toList());
    }

    @GET
    @Path("openid-configuration")
    public Map<String, Object> openidConfiguration(@PathParam("poolId") String poolId) {
        requirePool(poolId);
        return Map.of(
                "issuer", pool.issuer(),
                "jwks_uri", pool.issuer() + "/.well-known/jwks.json",
                "id_token_signing_alg_values_supported", List.of("RS256"),
                "response_types_supported", List.of("code", "id_token", "token id_token", "none"),
                "subject_types_supported", List.of("public"));
    }

    private void requirePool(String poolId) {
        if (!pool.id().equals(poolId)) {
            throw new NotFoundException();
        }
    }
}
