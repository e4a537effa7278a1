package dev.gatehouse.stores.orders.rest;

import dev.gatehouse.auth.api.CognitoUserPoolsRequired;
import dev.gatehouse.auth.api.GatewayResponses;
import dev.gatehouse.auth.api.RequestIdentity;
import dev.gatehouse.stores.orders.Order;
import dev.gatehouse.stores.orders.OrderBook;
import dev.gatehouse.stores.orders.OrderRequest;
import dev.gatehouse.stores.orders.OrderRequestParser;
import dev.gatehouse.stores.paging.PageLimit;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code POST /orders} (place an order for a store), {@code GET /orders} (the caller's own orders)
 * and {@code GET /orders/{orderId}} (one of them). Security: {@code COGNITO_USER_POOLS}; the
 * customer is the token's {@code sub}.
 */
@Path("/orders")
@Produces(MediaType.APPLICATION_JSON)
@CognitoUserPoolsRequired
public class OrdersResource {

    static final int DEFAULT_LIMIT = 20;

    private final OrderRequestParser parser;
    private final OrderBook orders;

    OrdersResource(OrderRequestParser parser, OrderBook orders) {
        this.parser = parser;
        this.orders = orders;
    }

    @POST
    public Uni<Response> place(
            @Context ContainerRequestContext request,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = OrderRequest.class)))
                    byte[] body) {
        OrderRequest order = parser.parse(body);
        return orders.place(CustomerClaims.of(request), order)
                .map(
                        placed ->
                                Response.status(Response.Status.CREATED)
                                        .header(HttpHeaders.LOCATION, location(placed))
                                        .entity(placed)
                                        .build());
    }

    /**
     * The caller's own order; another customer's order and an id that names none are the same 404,
     * so ids cannot be probed.
     */
    @GET
    @Path("{orderId}")
    public Uni<Response> one(@Context ContainerRequestContext request, @RestPath String orderId) {
        return orders.find(CustomerClaims.of(request).sub(), orderId)
                .map(
                        order ->
                                order.map(found -> Response.ok(found).build())
                                        .orElseGet(
                                                () ->
                                                        GatewayResponses.error(
                                                                404,
                                                                "NotFoundException",
                                                                "Order not found")));
    }

    /**
     * Relative, as documented: JAX-RS's {@code Response.created} would make it absolute with the
     * request's own host, which behind a gateway or a load balancer is not the client's.
     */
    private static String location(Order placed) {
        return "/orders/" + placed.orderId();
    }

    @GET
    public Uni<List<Order>> mine(
            @Context ContainerRequestContext request,
            @Parameter(description = "Number of orders, newest first, 1..100 (default 20)")
                    @RestQuery
                    String limit) {
        return orders.ofCustomer(
                CustomerClaims.of(request).sub(), PageLimit.parse(limit, DEFAULT_LIMIT));
    }

    /** Reads the customer from the identity the Cognito authorizer established. */
    static final class CustomerClaims {

        private CustomerClaims() {}

        static Order.Customer of(ContainerRequestContext request) {
            var claims =
                    RequestIdentity.of(request)
                            .map(RequestIdentity::claims)
                            .filter(c -> c.get("sub") != null)
                            .orElseThrow(
                                    () ->
                                            new IllegalStateException(
                                                    "no Cognito identity on an"
                                                            + " authorized route"));
            String username = claims.get("cognito:username");
            return new Order.Customer(
                    claims.get("sub"),
                    username != null ? username : claims.get("username"),
                    claims.get("email"));
        }
    }
}
