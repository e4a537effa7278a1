package dev.gatehouse.testing;

import dev.gatehouse.redis.local.RedisCluster;
import dev.gatehouse.redis.local.RedisServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;

/**
 * Gives a Quarkus test a real, empty Redis on a free port: {@code
 * {@literal @}WithTestResource(RedisTestResource.class)}.
 *
 * <p>One server (or, with the init arg {@code mode=cluster}, one 3-master Redis Cluster) is started
 * per test JVM and stopped when the JVM exits. Every time Quarkus starts the application for a test
 * class, the data is flushed first, so each class begins with an empty Redis and whatever the
 * application seeds at startup. Servers left by a killed run are reaped on the next.
 */
public class RedisTestResource implements QuarkusTestResourceLifecycleManager {

    /** Init arg selecting {@code standalone} (default) or {@code cluster}. */
    public static final String MODE = "mode";

    static final Path ROOT = Path.of("target", "test-redis");

    private static RedisServer standalone;
    private static RedisCluster cluster;

    private boolean clusterMode;

    @Override
    public void init(Map<String, String> initArgs) {
        clusterMode = "cluster".equals(initArgs.getOrDefault(MODE, "standalone"));
    }

    @Override
    public Map<String, String> start() {
        if (clusterMode) {
            RedisCluster nodes = cluster();
            nodes.flushAll();
            return Map.of(
                    "quarkus.redis.hosts", nodes.uris(), "quarkus.redis.client-type", "cluster");
        }
        RedisServer server = standalone();
        server.flushAll();
        return Map.of("quarkus.redis.hosts", server.uri());
    }

    @Override
    public void stop() {
        // The server outlives one application start; the JVM shutdown hook stops it.
    }

    /** The standalone server of this JVM, started on first use. */
    public static synchronized RedisServer standalone() {
        if (standalone == null || !standalone.isRunning()) {
            reapOnce();
            standalone =
                    RedisServer.startOnFreePort(
                            ROOT.resolve("standalone-" + ProcessHandle.current().pid()));
            RedisServer server = standalone;
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-test-redis"));
        }
        return standalone;
    }

    /** The 3-master cluster of this JVM, started on first use. */
    public static synchronized RedisCluster cluster() {
        if (cluster == null) {
            reapOnce();
            cluster =
                    RedisCluster.start(3, ROOT.resolve("cluster-" + ProcessHandle.current().pid()));
            RedisCluster nodes = cluster;
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(nodes::close, "stop-test-redis-cluster"));
        }
        return cluster;
    }

    /**
     * Stops the standalone server as a crash would look to clients, keeping its data (SAVE first),
     * so that {@link #restartStandalone()} brings the same data back on the same port.
     */
    public static synchronized void stopStandalone() {
        RedisServer server = standalone();
        server.call("SAVE");
        server.close();
    }

    /** Starts the standalone server again on its port, with the data saved when it stopped. */
    public static synchronized void restartStandalone() {
        RedisServer stopped = standalone;
        RedisServer server = RedisServer.start(stopped.port(), stopped.dir(), java.util.List.of());
        standalone = server;
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-test-redis"));
    }

    private static boolean reaped;

    private static void reapOnce() {
        if (!reaped) {
            RedisServer.reapOrphans(ROOT);
            reaped = true;
        }
    }
}
