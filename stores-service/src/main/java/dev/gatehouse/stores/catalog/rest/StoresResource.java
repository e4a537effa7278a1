package dev.gatehouse.stores.catalog.rest;

import dev.gatehouse.auth.api.ApiKeyRequired;
import dev.gatehouse.auth.api.AwsIamRequired;
import dev.gatehouse.auth.api.GatewayResponses;
import dev.gatehouse.stores.catalog.Store;
import dev.gatehouse.stores.catalog.StoreCatalog;
import dev.gatehouse.stores.paging.PageLimit;
import dev.gatehouse.stores.search.SearchRequestParser;
import dev.gatehouse.stores.search.StoreHit;
import dev.gatehouse.stores.search.StoreSearch;
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
 * {@code GET /stores} (with {@code ?query=}, the search of server-side callers) and {@code GET
 * /stores/{id}}. Security: AWS_IAM, then API key + usage plan.
 */
@Path("/stores")
@Produces(MediaType.APPLICATION_JSON)
public class StoresResource {

    static final int DEFAULT_LIMIT = 8;

    private final StoreCatalog catalog;
    private final SearchRequestParser parser;
    private final StoreSearch search;

    StoresResource(StoreCatalog catalog, SearchRequestParser parser, StoreSearch search) {
        this.catalog = catalog;
        this.parser = parser;
        this.search = search;
    }

    @GET
    @AwsIamRequired
    @ApiKeyRequired
    public Uni<List<Store>> list(
            @Parameter(description = "Number of stores, 1..100 (default 8)") @RestQuery
                    String limit,
            @Parameter(
                            description =
                                    "Words to search for, as POST /stores/search's query: the"
                                            + " server-side search of IAM callers")
                    @RestQuery
                    String query) {
        int count = PageLimit.parse(limit, DEFAULT_LIMIT);
        if (query == null) {
            return catalog.first(count);
        }
        return search.search(parser.byQuery(query, count))
                .map(hits -> hits.stream().map(StoreHit::store).toList());
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
}
