package dev.gatehouse.auth.cognito;

import dev.gatehouse.auth.api.CognitoUserPoolsRequired;
import dev.gatehouse.auth.api.RequestIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** Test-only routes: Cognito-protected ones answer with the caller's claims. */
@Path("/cognito")
@Produces(MediaType.APPLICATION_JSON)
public class CognitoEchoResource {

    @GET
    @Path("/claims")
    @CognitoUserPoolsRequired
    public Map<String, String> claims(@Context ContainerRequestContext request) {
        return RequestIdentity.of(request).orElseThrow().claims();
    }

    @GET
    @Path("/orders")
    @CognitoUserPoolsRequired(scopes = {"orders/write", "aws.cognito.signin.user.admin"})
    public Map<String, String> scoped(@Context ContainerRequestContext request) {
        return RequestIdentity.of(request).orElseThrow().claims();
    }

    @GET
    @Path("/open")
    public String open() {
        return "open";
    }
}
