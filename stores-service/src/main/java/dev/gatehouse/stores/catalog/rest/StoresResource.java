package dev.gatehouse.stores.catalog.rest;

import dev.gatehouse.auth.api.ApiKeyRequired;
import dev.gatehouse.auth.api.AwsIamRequired;
import dev.gatehouse.auth.api.GatewayResponses;
import dev.gatehouse.auth.api.InvalidRequestException;
import dev.gatehouse.stores.catalog.Store;
import dev.gatehouse.stores.catalog.StoreCatalog;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code GET /stores} and {@code GET /stores/{id}}. Security: API key + usage plan; AWS_IAM
 * (planned).
 */
@Path("/stores")
@Produces(MediaType.APPLICATION_JSON)
public class StoresResource {

    static final int DEFAULT_LIMIT = 8;
    static final int MAX_LIMIT = 100;

    private final StoreCatalog catalog;

    StoresResource(StoreCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @AwsIamRequired
    @ApiKeyRequired
    public Uni<List<Store>> list(
            @Parameter(description = "Number of stores, 1..100 (default 8)") @RestQuery
                    String limit) {
        return catalog.first(parseLimit(limit));
    }

    @GET
    @AwsIamRequired
    @ApiKeyRequired
    @Path("/{id}")
    public Uni<Response> get(@RestPath String id) {
        return catalog.find(id)
                .map(
                        store ->
                                store.map(s -> Response.ok(s).build())
                                        .orElseGet(
                                                () ->
                                                        GatewayResponses.error(
                                                                404,
                                                                "NotFoundException",
                                                                "Store not found")));
    }

    /** Parsed here rather than bound: a JAX-RS conversion failure would answer 404, not 400. */
    static int parseLimit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidRequestException("limit must be an integer between 1 and " + MAX_LIMIT);
    }
}
