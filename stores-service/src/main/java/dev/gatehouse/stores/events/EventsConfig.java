package dev.gatehouse.stores.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** stores-service's events (order.placed) and their way to fanout-service ({@code fanout}). */
@ConfigMapping(prefix = "gatehouse.stores.events")
public interface EventsConfig {

    /**
     * Whether placing an order also records its {@code order.placed} event in the outbox, from
     * which the relay publishes it to fanout-service ({@code quarkus.rest-client.fanout.url}).
     */
    @WithDefault("true")
    boolean enabled();

    /** Whether this instance runs the relay (every instance may: publishing is idempotent). */
    @WithDefault("true")
    boolean relay();

    /** How often the relay sweeps the outbox for events not yet accepted by fanout-service. */
    @WithDefault("1s")
    Duration relayInterval();
}
