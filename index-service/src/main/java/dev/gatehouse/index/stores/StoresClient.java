package dev.gatehouse.index.stores;

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
 * stores-service as index-service sees it. Owns the call policy: a short overall timeout and one
 * retry for failures that a retry can fix (connection refused, 5xx, timeout), never for a request
 * stores-service rejected.
 */
@ApplicationScoped
public class StoresClient {

    private final StoresRestClient rest;

    StoresClient(@RestClient StoresRestClient rest) {
        this.rest = rest;
    }

    @Timeout(value = 1500, unit = ChronoUnit.MILLIS)
    @Retry(maxRetries = 1, delay = 50, abortOn = StoresRequestRejected.class)
    public Uni<List<StoreSummary>> first(int limit) {
        return rest.first(limit)
                .onFailure(WebApplicationException.class)
                .transform(StoresClient::classify);
    }

    @Timeout(value = 1500, unit = ChronoUnit.MILLIS)
    @Retry(maxRetries = 1, delay = 50, abortOn = StoresRequestRejected.class)
    public Uni<List<StoreSummary>> search(String query, int limit) {
        return rest.search(query, limit)
                .onFailure(WebApplicationException.class)
                .transform(StoresClient::classify);
    }

    static Throwable classify(Throwable failure) {
        WebApplicationException e = (WebApplicationException) failure;
        int status = e.getResponse().getStatus();
        if (status >= 400 && status < 500) {
            return new StoresRequestRejected(status, message(e));
        }
        return failure;
    }

    private static String message(WebApplicationException e) {
        try {
            Object body = e.getResponse().readEntity(Map.class).get("message");
            return body instanceof String text ? text : "Request rejected";
        } catch (RuntimeException unreadable) {
            return "Request rejected";
        }
    }
}
