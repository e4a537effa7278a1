package dev.gatehouse.redis.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisServerTest {

    @TempDir Path dir;

    @Test
    void startsARealServerThatStoresAndFlushesData() {
        try (RedisServer server = RedisServer.startOnFreePort(dir)) {
            assertEquals("OK", server.call("SET", "greeting", "olá"));
            assertEquals("olá", server.call("GET", "greeting"));
            server.flushAll();
            assertNull(server.call("GET", "greeting"));
        }
    }

    @Test
    void leavesNoProcessBehindWhenClosed() {
        RedisServer server = RedisServer.startOnFreePort(dir);
        long pid = server.pid().orElseThrow();
        server.close();
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertFalse(server.isRunning());
    }

    @Test
    void reapsAServerLeftBehindByAKilledRun() {
        RedisServer orphan = RedisServer.startOnFreePort(dir);
        long pid = orphan.pid().orElseThrow();
        RedisServer.reapOrphans(dir);
        RedisServer.sleep(200);
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        orphan.close();
    }

    @Test
    void bundledBinaryIsARealRedisServer() throws Exception {
        Path binary = RedisBinary.extractBundled();
        assertTrue(Files.isExecutable(binary));
        Process version =
                new ProcessBuilder(binary.toString(), "--version")
                        .redirectErrorStream(true)
                        .start();
        String output = new String(version.getInputStream().readAllBytes());
        assertEquals(0, version.waitFor());
        assertTrue(output.startsWith("Redis server v="), output);
    }

    @Test
    void startsAThreeMasterClusterCoveringEverySlot() {
        try (RedisCluster cluster = RedisCluster.start(3, dir)) {
            assertEquals(3, cluster.masters().size());
            for (RedisServer node : cluster.masters()) {
                String info = (String) node.call("CLUSTER", "INFO");
                assertTrue(info.contains("cluster_state:ok"), info);
                assertTrue(info.contains("cluster_slots_assigned:16384"), info);
            }
            @SuppressWarnings("unchecked")
            List<List<Object>> slots =
                    (List<List<Object>>) cluster.masters().get(0).call("CLUSTER", "SLOTS");
            assertEquals(3, slots.size());
        }
    }
}
