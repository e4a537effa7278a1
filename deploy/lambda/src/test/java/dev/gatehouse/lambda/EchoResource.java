package dev.gatehouse.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.gatehouse.auth.api.ApiKeyRequired;
import dev.gatehouse.auth.api.AwsIamRequired;
import dev.gatehouse.auth.api.CognitoUserPoolsRequired;
import dev.gatehouse.auth.api.RequestIdentity;
import io.quarkus.amazon.lambda.http.DefaultLambdaIdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.HashMap;
import java.util.Map;

/**
 * Test routes shaped like the suite's: each answers with the identity the filters established and
 * the principal Quarkus's Lambda security derives from the same event, so a test sees both names
 * side by side.
 */
@Path("/echo")
@Produces(MediaType.APPLICATION_JSON)
public class EchoResource {

    @GET
    @Path("/iam")
    @AwsIamRequired
    public Map<String, Object> iam(
            @Context ContainerRequestContext request, @Context APIGatewayV2HTTPEvent event) {
        return echo(request, event);
    }

    @POST
    @Path("/jwt")
    @CognitoUserPoolsRequired
    public Map<String, Object> jwt(
            String body,
            @Context ContainerRequestContext request,
            @Context APIGatewayV2HTTPEvent event) {
        Map<String, Object> echo = echo(request, event);
        echo.put("body", body);
        return echo;
    }

    @GET
    @Path("/scoped")
    @CognitoUserPoolsRequired(scopes = "orders/write")
    public Map<String, Object> scoped(
            @Context ContainerRequestContext request, @Context APIGatewayV2HTTPEvent event) {
        return echo(request, event);
    }

    @GET
    @Path("/keyed")
    @AwsIamRequired
    @ApiKeyRequired
    public Map<String, Object> keyed(
            @Context ContainerRequestContext request, @Context APIGatewayV2HTTPEvent event) {
        return echo(request, event);
    }

    @GET
    @Path("/open")
    public Map<String, Object> open(
            @Context ContainerRequestContext request, @Context APIGatewayV2HTTPEvent event) {
        return echo(request, event);
    }

    private static Map<String, Object> echo(
            ContainerRequestContext request, APIGatewayV2HTTPEvent event) {
        Map<String, Object> echo = new HashMap<>();
        RequestIdentity.of(request)
                .ifPresent(
                        identity -> {
                            echo.put("identity", identity);
                            echo.put("principalName", identity.principalName());
                        });
        // Quarkus's own mapping of the same event (what quarkus.lambda-http.enable-security uses).
        SecurityIdentity quarkus = DefaultLambdaIdentityProvider.authenticate(event, false);
        if (quarkus != null) {
            echo.put("quarkusPrincipal", quarkus.getPrincipal().getName());
        }
        return echo;
    }
}
