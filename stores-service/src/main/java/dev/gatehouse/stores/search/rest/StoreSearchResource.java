package dev.gatehouse.stores.search.rest;

import dev.gatehouse.auth.api.CognitoUserPoolsRequired;
import dev.gatehouse.stores.search.SearchCriteria;
import dev.gatehouse.stores.search.SearchRequestParser;
import dev.gatehouse.stores.search.StoreHit;
import dev.gatehouse.stores.search.StoreSearch;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * {@code POST /stores/search}. Security: {@code COGNITO_USER_POOLS} (an ID token of the suite's
 * user pool); server-side callers search through {@code GET /stores?query=} with IAM instead.
 */
@Path("/stores/search")
@Produces(MediaType.APPLICATION_JSON)
public class StoreSearchResource {

    private final SearchRequestParser parser;
    private final StoreSearch search;

    StoreSearchResource(SearchRequestParser parser, StoreSearch search) {
        this.parser = parser;
        this.search = search;
    }

    @POST
    @CognitoUserPoolsRequired
    public Uni<List<StoreHit>> search(
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema =
                                                    @Schema(implementation = SearchCriteria.class)))
                    byte[] body) {
        return search.search(parser.parse(body));
    }
}
