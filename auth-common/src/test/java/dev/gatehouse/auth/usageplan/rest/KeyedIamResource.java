package dev.gatehouse.auth.usageplan.rest;

import dev.gatehouse.auth.api.ApiKeyRequired;
import dev.gatehouse.auth.api.AwsIamRequired;
import dev.gatehouse.auth.api.RequestIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * Test-only routes that are AWS_IAM and keyed, with and without a body (the profile route shape).
 */
@Path("/keyed-iam")
@AwsIamRequired
@ApiKeyRequired
@Produces(MediaType.APPLICATION_JSON)
public class KeyedIamResource {

    @POST
    @Path("/echo")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> post(
            Map<String, Object> body, @Context ContainerRequestContext request) {
        return Map.of("body", body, "userArn", RequestIdentity.of(request).orElseThrow().userArn());
    }

    @GET
    @Path("/echo")
    public Map<String, Object> get(@Context ContainerRequestContext request) {
        return Map.of("userArn", RequestIdentity.of(request).orElseThrow().userArn());
    }
}
