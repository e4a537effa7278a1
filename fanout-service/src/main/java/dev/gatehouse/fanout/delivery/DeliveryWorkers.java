package dev.gatehouse.fanout.delivery;

import dev.gatehouse.fanout.config.FanoutConfig;
import dev.gatehouse.fanout.subscription.Subscriptions;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

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
    private final AtomicBoolean draining = new AtomicBoolean();
    private final String instanceConsumer;

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
        this.instanceConsumer =
                config.worker().consumerName().orElseGet(DeliveryWorkers::defaultConsumer);
    }

    void onStart(@Observes StartupEvent event) {
        if (config.worker().enabled()) {
            start(instanceConsumer);
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
        DeliveryWorker worker = launch(consumer).await().atMost(STARTUP_TIMEOUT);
        running.add(worker);
        return worker;
    }

    /**
     * One delivery run ({@code POST /deliveries/drain}) where no worker runs on its own, as on
     * Lambda: a worker reading as this instance's {@code <consumer>-drain} claims abandoned
     * deliveries at once, then works until every stream is empty and nothing is under way, or the
     * budget is spent; deliveries still under way then get the grace period to settle, and the rest
     * is claimed by a later run. Empty when a run of this instance is already under way.
     */
    public Uni<Optional<DeliveryRun>> drain() {
        if (!draining.compareAndSet(false, true)) {
            return Uni.createFrom().item(Optional.empty());
        }
        long started = System.nanoTime();
        return launch(instanceConsumer + "-drain")
                .onItem()
                .transformToUni(worker -> run(worker, started))
                .map(Optional::of)
                .onTermination()
                .invoke(() -> draining.set(false));
    }

    /** Works until idle or the budget's end, then stops the worker and retires its consumer. */
    private Uni<DeliveryRun> run(DeliveryWorker worker, long started) {
        long deadline = started + config.drain().budget().toNanos();
        running.add(worker);
        worker.claimNow();
        Uni<Boolean> drained =
                Multi.createFrom()
                        .ticks()
                        .every(config.worker().pollInterval())
                        .map(tick -> worker.idleSince(started, deadline))
                        .select()
                        .where(idle -> idle || System.nanoTime() - deadline > 0)
                        .toUni();
        return drained.call(idle -> worker.stopGracefully(config.drain().grace()))
                .invoke(idle -> running.remove(worker))
                .call(idle -> retire(worker.consumer()))
                .map(idle -> DeliveryRun.of(worker, idle, started));
    }

    /** A run's consumer leaves the groups it holds nothing in (best effort). */
    private Uni<Void> retire(String consumer) {
        return Uni.join()
                .all(
                        subscriptions.all().keySet().stream()
                                .map(name -> ledger.retireConsumer(name, consumer))
                                .toList())
                .andCollectFailures()
                .replaceWithVoid()
                .onFailure()
                .invoke(failure -> Log.warnf("cannot retire consumer %s: %s", consumer, failure))
                .onFailure()
                .recoverWithNull();
    }

    private Uni<DeliveryWorker> launch(String consumer) {
        List<String> names = new ArrayList<>(subscriptions.all().keySet());
        return DeliveryWorker.ensureGroups(ledger, names).map(ignored -> startPumps(consumer));
    }

    private DeliveryWorker startPumps(String consumer) {
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
        return worker;
    }

    /** The workers running in this instance. */
    public List<DeliveryWorker> running() {
        return List.copyOf(running);
    }

    /**
     * Halts every worker of this instance as a crash would. Package-private: only the crash-safety
     * tests, in this package, stand in for a crash.
     */
    void haltAll() {
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
