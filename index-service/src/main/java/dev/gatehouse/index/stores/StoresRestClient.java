package dev.gatehouse.index.stores;

import dev.gatehouse.auth.api.SigV4ClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The raw HTTP client; only {@link StoresClient} uses it. Calls carry index-service's API key and a
 * SigV4 signature (stores-service's listing routes are AWS_IAM + API key).
 */
@RegisterRestClient(configKey = "stores")
@RegisterProvider(StoresApiKey.class)
@RegisterProvider(SigV4ClientFilter.class)
@Path("/stores")
@Produces(MediaType.APPLICATION_JSON)
interface StoresRestClient {

    @GET
    Uni<List<StoreSummary>> first(@QueryParam("limit") int limit);

    /** The server-side search (POST /stores/search is for end users with a Cognito token). */
    @GET
    Uni<List<StoreSummary>> search(
            @QueryParam("query") String query, @QueryParam("limit") int limit);
}
