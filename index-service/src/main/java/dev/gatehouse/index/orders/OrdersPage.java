package dev.gatehouse.index.orders;

import dev.gatehouse.index.notifications.NotificationInbox;
import dev.gatehouse.index.signin.Customer;
import dev.gatehouse.index.signin.SignedInCustomers;
import dev.gatehouse.index.stores.CustomerStoresClient;
import dev.gatehouse.index.stores.OrderRequest;
import dev.gatehouse.index.stores.StoresRequestRejected;
import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code GET /orders} ("My orders", with the latest notifications of those orders) and {@code POST
 * /orders} (the order form of a store card). Both need a signed-in customer (HTTP permission {@code
 * signed-in}); stores-service is called with the customer's own ID token.
 */
@Path("/orders")
@Produces(MediaType.TEXT_HTML)
public class OrdersPage {

    static final int SHOWN = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance orders(
                List<OrderView> orders,
                String placed,
                String problem,
                String region,
                Customer customer);
    }

    private final SignedInCustomers customers;
    private final CustomerStoresClient stores;
    private final NotificationInbox notifications;
    private final String region;

    OrdersPage(
            SignedInCustomers customers,
            CustomerStoresClient stores,
            NotificationInbox notifications,
            @ConfigProperty(name = "gatehouse.region", defaultValue = "us-east-1") String region) {
        this.customers = customers;
        this.stores = stores;
        this.notifications = notifications;
        this.region = region;
    }

    @GET
    public Uni<Response> mine(@RestQuery String placed) {
        return customers
                .current()
                .flatMap(
                        signedIn ->
                                signedIn.isEmpty()
                                        ? Uni.createFrom().item(signIn())
                                        : page(signedIn.get(), 200, placed, null));
    }

    /**
     * The order form: one line (item and quantity) for one store. Placed: 303 to "My orders" (a
     * reload never orders twice). Refused: "My orders" with the reason, in the user's terms.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> place(
            @RestForm String storeId, @RestForm String item, @RestForm String quantity) {
        OrderRequest order =
                new OrderRequest(
                        storeId == null ? "" : storeId.strip(),
                        List.of(
                                new OrderRequest.Item(
                                        item == null ? "" : item.strip(), parse(quantity))));
        return customers
                .current()
                .flatMap(
                        signedIn ->
                                signedIn.isEmpty()
                                        ? Uni.createFrom().item(signIn())
                                        : place(signedIn.get(), order));
    }

    private Uni<Response> place(Customer customer, OrderRequest order) {
        return stores.place(customer, order)
                .map(
                        placed ->
                                Response.seeOther(
                                                UriBuilder.fromPath("/orders")
                                                        .queryParam("placed", placed.orderId())
                                                        .build())
                                        .build())
                .onFailure(StoresRequestRejected.class)
                .recoverWithUni(
                        e -> {
                            StoresRequestRejected rejected = (StoresRequestRejected) e;
                            return page(customer, rejected.status(), null, rejected.inUsersTerms());
                        })
                .onFailure()
                .recoverWithUni(
                        e -> {
                            Log.warnf("placing an order failed: %s", e.toString());
                            return page(
                                    customer,
                                    503,
                                    null,
                                    "We could not confirm your order just now. It may still have"
                                            + " been placed: check the list below before trying"
                                            + " again.");
                        });
    }

    /**
     * "My orders" with {@code problem} (if any) above it; {@code placed} is shown if it is theirs.
     */
    private Uni<Response> page(Customer customer, int status, String placed, String problem) {
        return stores.mine(customer, SHOWN)
                .map(
                        list ->
                                render(
                                        status,
                                        OrderView.of(list, notifications.latest()),
                                        list.stream().anyMatch(o -> o.orderId().equals(placed))
                                                ? placed
                                                : null,
                                        problem,
                                        customer))
                .onFailure(StoresRequestRejected.class)
                .recoverWithItem(
                        e -> {
                            StoresRequestRejected rejected = (StoresRequestRejected) e;
                            return render(
                                    rejected.status(),
                                    List.of(),
                                    null,
                                    problem != null ? problem : rejected.inUsersTerms(),
                                    customer);
                        })
                .onFailure()
                .recoverWithItem(
                        e -> {
                            Log.warnf("stores-service unavailable: %s", e.toString());
                            return render(
                                    503,
                                    List.of(),
                                    null,
                                    "We could not reach the stores service just now. Please try"
                                            + " again in a moment.",
                                    customer);
                        });
    }

    private static Response signIn() {
        return Response.seeOther(UriBuilder.fromPath("/signin").build()).build();
    }

    private static int parse(String quantity) {
        try {
            return quantity == null ? 1 : Integer.parseInt(quantity.strip());
        } catch (NumberFormatException e) {
            return 0; // stores-service refuses it with its own message
        }
    }

    private Response render(
            int status, List<OrderView> orders, String placed, String problem, Customer customer) {
        return Response.status(status)
                .entity(Templates.orders(orders, placed, problem, region, customer).render())
                .type(MediaType.TEXT_HTML_TYPE)
                .build();
    }
}
