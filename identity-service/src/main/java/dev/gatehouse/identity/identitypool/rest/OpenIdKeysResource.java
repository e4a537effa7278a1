package dev.gatehouse.identity.identitypool.rest;

import dev.gatehouse.identity.identitypool.OpenIdTokens;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * The keys of the identity pools' OpenID tokens, where Cognito serves them ({@code
 * https://cognito-identity.amazonaws.com/.well-known/jwks_uri}), and the discovery document.
 */
@Path("/.well-known")
@Produces(MediaType.APPLICATION_JSON)
public class OpenIdKeysResource {

    private final OpenIdTokens tokens;

    OpenIdKeysResource(OpenIdTokens tokens) {
        this.tokens = tokens;
    }

    @GET
    @Path("jwks_uri")
    public Map<String, Object> jwks() {
        return Map.of("keys", List.of(tokens.key().jwk()));
    }

    @GET
    @Path("openid-configuration")
    public Map<String, Object> configuration() {
        return Map.of(
                "issuer", tokens.issuer(),
                "jwks_uri", tokens.issuer() + "/.well-known/jwks_uri",
                "id_token_signing_alg_values_supported", List.of("RS256"),
                "response_types_supported", List.of("id_token"),
                "subject_types_supported", List.of("public"));
    }
}
