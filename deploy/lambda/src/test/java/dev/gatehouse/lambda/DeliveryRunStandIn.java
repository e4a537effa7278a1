package dev.gatehouse.lambda;

import dev.gatehouse.auth.api.AwsIamRequired;
import dev.gatehouse.auth.api.RequestIdentity;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * Stands in for fanout-service's {@code POST /deliveries/drain} (same path, same authorizer): it
 * answers with the caller the filters established from the scheduled event.
 */
@Path("/deliveries/drain")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryRunStandIn {

    @POST
    @AwsIamRequired
    public Map<String, Object> drain(@Context ContainerRequestContext request) {
        RequestIdentity identity = RequestIdentity.of(request).orElseThrow();
        return Map.of(
                "userArn", identity.userArn(),
                "principalName", identity.principalName(),
                "accountId", identity.accountId());
    }
}
