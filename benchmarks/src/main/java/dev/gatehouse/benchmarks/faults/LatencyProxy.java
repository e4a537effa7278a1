package dev.gatehouse.benchmarks.faults;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP proxy that holds every chunk it forwards for the same number of milliseconds, in each
 * direction: what {@code tc qdisc add dev lo root netem delay N ms} does to loopback traffic, for
 * kernels without {@code sch_netem} (bench/faults.sh's fault 6, latency between the services and
 * Redis). The delay is read from a file (a whole number of milliseconds; missing or empty: 0) every
 * 100 ms, so the script turns latency on and off while connections stay open. A chunk is written
 * when its time has come and never before one received earlier, so the byte stream is unchanged.
 *
 * <pre>
 * java -cp benchmarks.jar dev.gatehouse.benchmarks.faults.LatencyProxy DELAY_FILE \
 *     LISTEN_PORT:TARGET_PORT...   (127.0.0.1 on both sides)
 * </pre>
 */
public final class LatencyProxy {

    private final Vertx vertx;
    private final NetClient client;
    private final List<NetServer> servers = new ArrayList<>();
    private volatile long delayMillis;

    public LatencyProxy(Vertx vertx) {
        this.vertx = vertx;
        this.client = vertx.createNetClient();
    }

    /** The delay each chunk is held for from now on, in each direction. */
    public void delay(long millis) {
        delayMillis = Math.max(0, millis);
    }

    /** Accepts on 127.0.0.1:{@code listenPort}, forwarding each connection to {@code target}. */
    public Future<NetServer> route(int listenPort, int targetPort) {
        NetServer server = vertx.createNetServer().connectHandler(c -> accept(c, targetPort));
        servers.add(server);
        return server.listen(listenPort, "127.0.0.1");
    }

    public Future<Void> close() {
        List<Future<Void>> closing = new ArrayList<>();
        servers.forEach(s -> closing.add(s.close()));
        closing.add(client.close());
        return Future.all(closing).mapEmpty();
    }

    private void accept(NetSocket downstream, int targetPort) {
        downstream.pause();
        client.connect(targetPort, "127.0.0.1")
                .onSuccess(
                        upstream -> {
                            DelayedPipe.between(vertx, downstream, upstream, () -> delayMillis);
                            DelayedPipe.between(vertx, upstream, downstream, () -> delayMillis);
                            downstream.resume();
                        })
                // The target is down (a killed Redis node): the client sees its connection close.
                .onFailure(e -> downstream.close());
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println(
                    "usage: LatencyProxy DELAY_FILE LISTEN_PORT:TARGET_PORT [LISTEN:TARGET...]");
            System.exit(2);
        }
        Vertx vertx = Vertx.vertx();
        LatencyProxy proxy = new LatencyProxy(vertx);
        for (int i = 1; i < args.length; i++) {
            String[] ports = args[i].split(":");
            if (ports[0].equals(ports[1])) {
                // It would forward to itself, forever.
                throw new IllegalArgumentException(
                        "listen and target port are the same: " + args[i]);
            }
            proxy.route(Integer.parseInt(ports[0]), Integer.parseInt(ports[1]))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .join();
            System.out.printf("127.0.0.1:%s -> 127.0.0.1:%s%n", ports[0], ports[1]);
        }
        String file = args[0];
        vertx.setPeriodic(
                100,
                id ->
                        vertx.fileSystem()
                                .readFile(file)
                                .onSuccess(
                                        b ->
                                                proxy.applyDelayFile(
                                                        b.toString(StandardCharsets.US_ASCII)))
                                .onFailure(e -> proxy.applyDelayFile("")));
    }

    private void applyDelayFile(String content) {
        String text = content.strip();
        long millis = text.isEmpty() ? 0 : Long.parseLong(text);
        if (millis != delayMillis) {
            System.out.printf("%d delay %d ms%n", System.currentTimeMillis(), millis);
        }
        delay(millis);
    }
}
