package dev.gatehouse.auth.iam;

import dev.gatehouse.auth.api.AwsIamRequired;
import dev.gatehouse.auth.api.RequestIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** A test-only AWS_IAM resource that answers with the caller's identity. */
@Path("/iam")
@AwsIamRequired
@Produces(MediaType.APPLICATION_JSON)
public class IamEchoResource {

    @GET
    @Path("/{anything: .*}")
    public RequestIdentity get(@Context ContainerRequestContext request) {
        return RequestIdentity.of(request).orElseThrow();
    }

    @POST
    @Path("/echo")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> post(
            Map<String, Object> body, @Context ContainerRequestContext request) {
        return Map.of("body", body, "userArn", RequestIdentity.of(request).orElseThrow().userArn());
    }

    @DELETE
    @Path("/{anything: .*}")
    public RequestIdentity delete(@Context ContainerRequestContext request) {
        return RequestIdentity.of(request).orElseThrow();
    }
}
