package dev.gatehouse.auth.iam;

import dev.gatehouse.auth.api.AwsIamRequired;
import dev.gatehouse.auth.api.RequestIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** A test-only AWS_IAM route with replay protection (the rest of /iam has none). */
@Path("/iam/once")
@Produces(MediaType.APPLICATION_JSON)
public class ReplayProtectedResource {

    @GET
    @AwsIamRequired(replayProtection = true)
    public RequestIdentity get(@Context ContainerRequestContext request) {
        return RequestIdentity.of(request).orElseThrow();
    }
}
