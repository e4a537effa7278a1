package dev.gatehouse.fanout.delivery;

import io.smallrye.mutiny.Uni;

/** How one subscription's deliveries reach it. Fails with {@link DeliveryFailure}. */
interface Channel {

    /** Completes when the subscriber has accepted the event. */
    Uni<Void> deliver(Delivery delivery);
}
