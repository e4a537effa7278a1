package dev.gatehouse.index.page;

import dev.gatehouse.index.signin.Customer;
import dev.gatehouse.index.signin.SignedInCustomers;
import dev.gatehouse.index.stores.CustomerStoresClient;
import dev.gatehouse.index.stores.StoreSummary;
import dev.gatehouse.index.stores.StoresClient;
import dev.gatehouse.index.stores.StoresRequestRejected;
import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code GET /}: the public page. Security: none; a signed-in customer is greeted, searches through
 * {@code POST /stores/search} with their own ID token and gets an order form on each store card.
 * Notifications are never listed here: they name order ids, so only "My orders" ({@code GET
 * /orders}) shows them, each customer's own.
 */
@Path("/")
public class IndexPage {

    static final int PAGE_SIZE = 8;
    static final int SEARCH_RESULTS = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(
                List<StoreSummary> stores,
                String query,
                String problem,
                String region,
                Customer customer);

        static native TemplateInstance unavailable(String region, Customer customer);
    }

    private final StoresClient stores;
    private final CustomerStoresClient customerStores;
    private final SignedInCustomers customers;
    private final String region;

    IndexPage(
            StoresClient stores,
            CustomerStoresClient customerStores,
            SignedInCustomers customers,
            @ConfigProperty(name = "gatehouse.region", defaultValue = "us-east-1") String region) {
        this.stores = stores;
        this.customerStores = customerStores;
        this.customers = customers;
        this.region = region;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> index(@RestQuery String q) {
        String query = q == null || q.isBlank() ? null : q.strip();
        return customers.current().flatMap(customer -> index(query, customer.orElse(null)));
    }

    private Uni<Response> index(String query, Customer customer) {
        Uni<List<StoreSummary>> found;
        if (query == null) {
            found = stores.first(PAGE_SIZE);
        } else if (customer != null) {
            found = customerStores.search(customer, query, SEARCH_RESULTS);
        } else {
            found = stores.search(query, SEARCH_RESULTS);
        }
        return found.map(list -> page(200, list, query, null, customer))
                .onFailure(StoresRequestRejected.class)
                .recoverWithItem(
                        e -> {
                            StoresRequestRejected rejected = (StoresRequestRejected) e;
                            return page(
                                    rejected.status(),
                                    List.of(),
                                    query,
                                    rejected.inUsersTerms(),
                                    customer);
                        })
                .onFailure()
                .recoverWithItem(e -> unavailable(e, customer));
    }

    private Response page(
            int status, List<StoreSummary> list, String query, String problem, Customer customer) {
        return Response.status(status)
                .entity(Templates.index(list, query, problem, region, customer).render())
                .type(MediaType.TEXT_HTML_TYPE)
                .build();
    }

    private Response unavailable(Throwable failure, Customer customer) {
        Log.warnf("stores-service unavailable: %s", failure.toString());
        return Response.status(503)
                .entity(Templates.unavailable(region, customer).render())
                .type(MediaType.TEXT_HTML_TYPE)
                .build();
    }
}
