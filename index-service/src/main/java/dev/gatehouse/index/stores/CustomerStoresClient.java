package dev.gatehouse.index.stores;

import dev.gatehouse.index.signin.Customer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * stores-service on a signed-in customer's behalf. Reads retry once as {@link StoresClient}'s do;
 * placing an order is never retried (a retry after a lost answer could order twice), and a
 * rejection (4xx) comes back as {@link StoresRequestRejected}.
 */
@ApplicationScoped
public class CustomerStoresClient {

    private final CustomerRestClient rest;

    CustomerStoresClient(@RestClient CustomerRestClient rest) {
        this.rest = rest;
    }

    @Timeout(value = 3000, unit = ChronoUnit.MILLIS)
    @Retry(maxRetries = 1, delay = 50, abortOn = StoresRequestRejected.class)
    public Uni<List<StoreSummary>> search(Customer customer, String query, int limit) {
        return rest.search(customer.idToken(), Map.of("query", query, "limit", limit))
                .onFailure(WebApplicationException.class)
                .transform(StoresClient::classify);
    }

    @Timeout(value = 6000, unit = ChronoUnit.MILLIS)
    public Uni<CustomerOrder> place(Customer customer, OrderRequest order) {
        return rest.place(customer.idToken(), order)
                .onFailure(WebApplicationException.class)
                .transform(StoresClient::classify);
    }

    @Timeout(value = 3000, unit = ChronoUnit.MILLIS)
    @Retry(maxRetries = 1, delay = 50, abortOn = StoresRequestRejected.class)
    public Uni<List<CustomerOrder>> mine(Customer customer, int limit) {
        return rest.mine(customer.idToken(), limit)
                .onFailure(WebApplicationException.class)
                .transform(StoresClient::classify);
    }
}
