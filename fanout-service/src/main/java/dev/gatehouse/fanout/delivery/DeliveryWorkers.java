package dev.gatehouse.fanout.delivery;

import dev.gatehouse.fanout.config.FanoutConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Starts this instance's delivery worker with the application (unless {@code
 * gatehouse.fanout.worker.enabled=false}) and stops it gracefully on shutdown.
 */
@ApplicationScoped
public class DeliveryWorkers {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    private final Subscriptions subscriptions;
    private final Channels channels;
    private final DeliveryLedger ledger;
    private final Vertx vertx;
    private final FanoutConfig config;
    private final List<DeliveryWorker> running = new CopyOnWriteArrayList<>();

    DeliveryWorkers(
            Subscriptions subscriptions,
            Channels channels,
            DeliveryLedger ledger,
            Vertx vertx,
            FanoutConfig config) {
        this.subscriptions = subscriptions;
        this.channels = channels;
        this.ledger = ledger;
        this.vertx = vertx;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.worker().enabled()) {
            start(config.worker().consumerName().orElseGet(DeliveryWorkers::defaultConsumer));
        } else {
            Log.info("delivery worker disabled: this instance only accepts events");
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        running.forEach(worker -> worker.stop(SHUTDOWN_GRACE));
        running.clear();
    }

    /** Starts a worker reading as {@code consumer} (one per instance; tests start more). */
    public DeliveryWorker start(String consumer) {
        List<String> names = new ArrayList<>(subscriptions.all().keySet());
        DeliveryWorker.ensureGroups(ledger, names).await().atMost(STARTUP_TIMEOUT);
        List<SubscriberPump> pumps = new ArrayList<>();
        subscriptions
                .all()
                .forEach(
                        (name, subscription) ->
                                pumps.add(
                                        new SubscriberPump(
                                                name,
                                                subscription,
                                                channels.of(subscription),
                                                ledger,
                                                consumer,
                                                config.worker())));
        DeliveryWorker worker = new DeliveryWorker(consumer, pumps, ledger, vertx, config.worker());
        worker.start();
        running.add(worker);
        return worker;
    }

    /** The workers running in this instance. */
    public List<DeliveryWorker> running() {
        return List.copyOf(running);
    }

    /** Halts every worker of this instance as a crash would (tests of crash safety). */
    public void haltAll() {
        running.forEach(DeliveryWorker::halt);
        running.clear();
    }

    private static String defaultConsumer() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "fanout";
        }
        byte[] suffix = new byte[4];
        ThreadLocalRandom.current().nextBytes(suffix);
        return host + "-" + HexFormat.of().formatHex(suffix);
    }
}
