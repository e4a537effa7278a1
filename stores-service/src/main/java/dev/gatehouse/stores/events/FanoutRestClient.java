package dev.gatehouse.stores.events;

import dev.gatehouse.auth.api.SigV4ClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The raw HTTP client of fanout-service; only {@link FanoutPublisher} uses it. Calls are signed
 * with SigV4 as the stores-service principal (fanout-service's routes are AWS_IAM).
 */
@RegisterRestClient(configKey = "fanout")
@RegisterProvider(SigV4ClientFilter.class)
@Path("/events")
interface FanoutRestClient {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> publish(String event);
}
