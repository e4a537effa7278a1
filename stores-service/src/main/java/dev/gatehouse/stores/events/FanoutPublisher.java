package dev.gatehouse.stores.events;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * fanout-service as stores-service sees it: an event is published when fanout-service answers 202.
 * Anything else (down, refusing, slow) fails, and the outbox keeps the event for later.
 */
@ApplicationScoped
public class FanoutPublisher {

    private final FanoutRestClient rest;

    FanoutPublisher(@RestClient FanoutRestClient rest) {
        this.rest = rest;
    }

    /** Publishes one {@code POST /events} body; fails unless it was accepted. */
    public Uni<Void> publish(String event) {
        return rest.publish(event)
                .onFailure(WebApplicationException.class)
                .transform(
                        e ->
                                new IllegalStateException(
                                        "fanout-service answered "
                                                + ((WebApplicationException) e)
                                                        .getResponse()
                                                        .getStatus()))
                .map(
                        response -> {
                            if (response.getStatus() != 202) {
                                throw new IllegalStateException(
                                        "fanout-service answered " + response.getStatus());
                            }
                            return null;
                        });
    }
}
