package dev.gatehouse.fanout.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** fanout-service: how events are kept, who subscribes to them and how deliveries are worked. */
@ConfigMapping(prefix = "gatehouse.fanout")
public interface FanoutConfig {

    /** How long an idempotency key returns the event it first published. */
    @WithDefault("24h")
    Duration idempotencyWindow();

    /** How long an event and its delivery states stay readable with {@code GET /events/{id}}. */
    @WithDefault("7d")
    Duration retention();

    /** The subscriptions, by name (letters, digits, {@code -} and {@code _}). */
    Map<String, Subscription> subscriptions();

    /** This instance's share of the delivery work. */
    Worker worker();

    /** Delivery runs ({@code POST /deliveries/drain}), where no worker runs on its own (Lambda). */
    Drain drain();

    /** One subscriber of one event type. */
    interface Subscription {

        /** The event type delivered, e.g. {@code order.placed}. */
        String eventType();

        /** How the event is delivered. */
        Kind kind();

        /** {@code webhook}: the URL POSTed to, SigV4-signed with this service's credentials. */
        Optional<String> url();

        /**
         * {@code email}: JSON pointer to the recipient's address in the event, e.g. {@code
         * /detail/customer/email}.
         */
        @WithDefault("/detail/customer/email")
        String recipient();

        /** {@code email}: the subject line. */
        @WithDefault("Your order receipt")
        String subject();

        /** Longest wait for one delivery attempt (connect, send, answer). */
        @WithDefault("5s")
        Duration timeout();

        /** Attempts before the delivery is dead-lettered (the first one included). */
        @WithDefault("5")
        int maxAttempts();

        /** Wait before the second attempt; doubled for each further one, with jitter. */
        @WithDefault("1s")
        Duration initialBackoff();

        /** Upper bound of the wait between two attempts. */
        @WithDefault("5m")
        Duration maxBackoff();

        /** Deliveries to this subscriber in flight at once on this instance. */
        @WithDefault("64")
        int maxInFlight();
    }

    /** How a subscription delivers. */
    enum Kind {
        /** An HTTP POST of the event (JSON), SigV4-signed. */
        webhook,
        /** An email receipt to the address found in the event, through SMTP. */
        email
    }

    /** Delivery work of this instance. */
    interface Worker {

        /** Whether this instance delivers at all (it always accepts events). */
        @WithDefault("true")
        boolean enabled();

        /** Consumer name in the streams' consumer groups; default: host name and a random id. */
        Optional<String> consumerName();

        /**
         * A delivery read by an instance that has not settled it for this long is claimed by
         * another (XAUTOCLAIM): the instance is presumed dead. Must exceed every timeout.
         */
        @WithDefault("30s")
        Duration visibilityTimeout();

        /** How often this instance looks for abandoned deliveries and due retries. */
        @WithDefault("100ms")
        Duration pollInterval();

        /** Longest block of one stream read; shorter than {@code quarkus.redis.timeout}. */
        @WithDefault("500ms")
        Duration readBlock();
    }

    /**
     * A delivery run works the streams as a worker would, then stops once nothing is left to do or
     * its budget is spent; what is still under way then gets {@code grace} to settle.
     */
    interface Drain {

        /** Longest run; keep it, plus {@code grace}, under the function's timeout. */
        @WithDefault("45s")
        Duration budget();

        /** How long deliveries under way at the end of the budget may take to settle. */
        @WithDefault("5s")
        Duration grace();
    }
}
