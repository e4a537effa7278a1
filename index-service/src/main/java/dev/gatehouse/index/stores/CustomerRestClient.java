package dev.gatehouse.index.stores;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * stores-service's {@code COGNITO_USER_POOLS} routes, called on a signed-in customer's behalf with
 * their own ID token in {@code Authorization} (no SigV4 signature, no API key: the customer is the
 * caller).
 */
@RegisterRestClient(configKey = "stores-customer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface CustomerRestClient {

    @POST
    @Path("/stores/search")
    Uni<List<StoreSummary>> search(
            @HeaderParam("Authorization") String idToken, Map<String, Object> criteria);

    @POST
    @Path("/orders")
    Uni<CustomerOrder> place(@HeaderParam("Authorization") String idToken, OrderRequest order);

    @GET
    @Path("/orders")
    Uni<List<CustomerOrder>> mine(
            @HeaderParam("Authorization") String idToken, @QueryParam("limit") int limit);
}
