package dev.gatehouse.stores.profiles.rest;

import dev.gatehouse.auth.api.AwsIamRequired;
import dev.gatehouse.auth.api.GatewayResponses;
import dev.gatehouse.stores.profiles.ProfileParser;
import dev.gatehouse.stores.profiles.ProfileStore;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;

/**
 * {@code GET|PUT /profiles/{identityId}}: the seed's "update a user profile", for callers signing
 * with identity pool credentials. Security: AWS_IAM; who may touch which profile is the role
 * policy's business ({@code .../profiles/${cognito-identity.amazonaws.com:sub}}), decided before
 * this resource runs.
 */
@Path("/profiles/{identityId}")
@Produces(MediaType.APPLICATION_JSON)
@AwsIamRequired
public class ProfilesResource {

    private static final String IDENTITY_ID = "[\\w-]{1,20}:[0-9a-f-]{36}";

    private final ProfileStore store;
    private final ProfileParser parser;

    ProfilesResource(ProfileStore store, ProfileParser parser) {
        this.store = store;
        this.parser = parser;
    }

    @GET
    public Uni<Response> get(@RestPath String identityId) {
        if (!identityId.matches(IDENTITY_ID)) {
            return Uni.createFrom().item(notFound());
        }
        return store.find(identityId)
                .map(found -> found.map(p -> Response.ok(p).build()).orElseGet(() -> notFound()));
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> put(@RestPath String identityId, byte[] body) {
        if (!identityId.matches(IDENTITY_ID)) {
            return Uni.createFrom().item(notFound());
        }
        return store.save(parser.parse(identityId, body)).map(p -> Response.ok(p).build());
    }

    private static Response notFound() {
        return GatewayResponses.error(404, "NotFoundException", "Profile not found");
    }
}
