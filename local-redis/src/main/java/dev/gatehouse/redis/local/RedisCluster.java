package dev.gatehouse.redis.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A Redis Cluster of masters only, each a real redis-server on a free port. Slots are split evenly
 * and the nodes introduced with CLUSTER MEET, which is what {@code redis-cli --cluster create}
 * does, so no redis-cli is needed.
 */
public final class RedisCluster implements AutoCloseable {

    private static final int SLOTS = 16384;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final List<RedisServer> masters;

    private RedisCluster(List<RedisServer> masters) {
        this.masters = List.copyOf(masters);
    }

    /** Starts {@code count} masters under {@code dir} and waits for {@code cluster_state:ok}. */
    public static RedisCluster start(int count, Path dir) {
        List<RedisServer> masters = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                int port = FreePort.pick();
                masters.add(
                        RedisServer.start(
                                port,
                                dir.resolve("node-" + i),
                                List.of(
                                        "--cluster-enabled",
                                        "yes",
                                        "--cluster-config-file",
                                        "nodes-" + port + ".conf",
                                        "--cluster-node-timeout",
                                        "5000")));
            }
            RedisCluster cluster = new RedisCluster(masters);
            cluster.assignSlots();
            cluster.meet();
            cluster.awaitOk();
            return cluster;
        } catch (RuntimeException e) {
            masters.forEach(RedisServer::close);
            throw e;
        }
    }

    private void assignSlots() {
        int n = masters.size();
        for (int i = 0; i < n; i++) {
            int from = i * SLOTS / n;
            int to = (i + 1) * SLOTS / n;
            List<String> args = new ArrayList<>(List.of("CLUSTER", "ADDSLOTS"));
            for (int slot = from; slot < to; slot++) {
                args.add(Integer.toString(slot));
            }
            masters.get(i).call(args.toArray(String[]::new));
        }
    }

    private void meet() {
        RedisServer first = masters.get(0);
        for (RedisServer other : masters.subList(1, masters.size())) {
            first.call("CLUSTER", "MEET", "127.0.0.1", Integer.toString(other.port()));
        }
    }

    private void awaitOk() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (masters.stream().allMatch(this::reportsOk)) {
                return;
            }
            RedisServer.sleep(50);
        }
        close();
        throw new IllegalStateException(
                "cluster did not reach cluster_state:ok within " + READY_TIMEOUT);
    }

    private boolean reportsOk(RedisServer node) {
        try (RespConnection connection = node.connect()) {
            String info = (String) connection.call("CLUSTER", "INFO");
            return info.contains("cluster_state:ok")
                    && info.contains("cluster_known_nodes:" + masters.size());
        } catch (IOException e) {
            return false;
        }
    }

    public List<RedisServer> masters() {
        return masters;
    }

    /** Every node's address, comma-separated, as {@code quarkus.redis.hosts} expects. */
    public String uris() {
        return masters.stream().map(RedisServer::uri).collect(Collectors.joining(","));
    }

    /** Deletes every key on every master. */
    public void flushAll() {
        masters.forEach(RedisServer::flushAll);
    }

    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (RedisServer master : masters) {
            try {
                master.close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            throw new UncheckedIOException(
                    new IOException("could not stop every cluster node", failures.get(0)));
        }
    }
}
