package dev.gatehouse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.redis.local.RespConnection;
import dev.gatehouse.testing.RequiredTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bench/faults.sh, shortened, on the clustered launcher (Redis Cluster 3 masters + 3 replicas, 3
 * stores-service and 2 fanout-service instances behind HAProxy) under signed + keyed load and a
 * steady stream of events: a Redis master killed (replica promoted), a stores-service instance
 * killed and started again, a fanout-service instance killed mid-delivery and started again, and 50
 * ms each way between the services and every Redis node for 6 s (a latency proxy: this kernel has
 * no netem). The suite must recover by itself, admit nothing beyond a quota and lose no
 * acknowledged event; under latency it must stay correct (slower, no 5xx). Every node requires the
 * launcher's Redis password: a client without it is refused while the suite runs on it.
 */
class FaultsUnderLoadIT {

    @TempDir Path out;

    @Test
    void recoversFromKillsAndRedisLatencyWithoutOverAdmissionOrLostEvents() throws Exception {
        for (String tool : List.of("haproxy", "redis-cli", "gnuplot")) {
            RequiredTool.require(onPath(tool) ? null : tool + " (Debian package) is not installed");
        }
        long started = System.nanoTime();
        ProcessBuilder builder =
                new ProcessBuilder(
                                "bash", LauncherScripts.ROOT.resolve("bench/faults.sh").toString())
                        .directory(LauncherScripts.ROOT.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(out.resolve("faults.log").toFile());
        builder.environment().put("FAULTS_ONLY", "1 3 4 6");
        builder.environment().put("FAULTS_LATENCY_SECONDS", "6");
        builder.environment().put("FAULTS_WARMUP", "15");
        builder.environment().put("FAULTS_STEADY_TIMEOUT", "45");
        builder.environment().put("FAULTS_RECOVERY", "8");
        builder.environment().put("FAULTS_DOWN_SECONDS", "3");
        builder.environment().put("FAULTS_BULK_RATE", "30");
        builder.environment().put("FAULTS_EVENT_RATE", "10");
        builder.environment().put("FAULTS_OUT", out.toString());
        Process process = builder.start();
        // The budget; -Dgatehouse.faults.minutes=N on a machine too loaded to meet it.
        long minutes = Long.getLong("gatehouse.faults.minutes", 4);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
        List<Integer> redisPorts = awaitRedisPorts(out.resolve("up.log"), process, deadline);
        for (int port : redisPorts) {
            refusesAClientWithoutThePassword(port);
        }
        boolean finished =
                process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (!finished) {
            // faults.sh's EXIT trap stops the suite it started.
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        String log = Files.readString(out.resolve("faults.log"), StandardCharsets.UTF_8);
        assertTrue(
                finished, "bench/faults.sh did not finish within " + minutes + " minutes:\n" + log);
        assertEquals(0, process.exitValue(), log);
        System.out.printf(
                "FaultsUnderLoadIT: faults 1, 3, 4, 6 in %d s%n%s%n",
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started),
                Files.readString(out.resolve("table.txt")));

        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(6, redisPorts.size(), "every node of the cluster: " + redisPorts);
        assertEquals(4, report.at("/faults").size(), log);
        for (JsonNode fault : report.at("/faults")) {
            String name = fault.at("/name").asText();
            assertTrue(
                    fault.at("/secondsToFirstCleanSecond").asInt() >= 0,
                    name + " never had a second without 5xx or unanswered requests: " + fault);
            assertTrue(
                    fault.at("/secondsToThroughputWithin10pct").asInt() >= 0,
                    name + " never got its throughput back: " + fault);
            fault.at("/quota")
                    .forEach(
                            quota ->
                                    assertEquals(
                                            0,
                                            quota.at("/overAdmission").asInt(),
                                            name + " admitted beyond a quota: " + quota));
        }
        JsonNode latency = report.at("/faults/3");
        assertEquals("redis-latency", latency.at("/name").asText(), latency.toString());
        // 50 ms each way on every Redis round trip: a request that makes one or more gains 100 ms.
        assertTrue(
                latency.at("/p50MsDuringFault").asDouble()
                        >= latency.at("/p50MsBefore").asDouble() + 50,
                "the latency reached the requests: " + latency);
        JsonNode fanout = report.at("/run/fanout");
        assertTrue(fanout.at("/accepted").asInt() > 0, fanout.toString());
        assertEquals(0, fanout.at("/lost").asInt(), "acknowledged events lost: " + fanout);
        report.at("/run/quota")
                .forEach(quota -> assertEquals(0, quota.at("/overAdmission").asInt(), log));
    }

    /**
     * The Redis ports up.sh printed once the suite is up ({@code redis redis://127.0.0.1:P,...}),
     * while faults.sh goes on.
     */
    private static List<Integer> awaitRedisPorts(Path upLog, Process process, long deadline)
            throws Exception {
        Pattern line = Pattern.compile("(?m)^\\s+redis\\s+(redis://\\S+)");
        while (System.nanoTime() < deadline && process.isAlive()) {
            String text = Files.exists(upLog) ? Files.readString(upLog) : "";
            Matcher m = line.matcher(text);
            if (text.contains("Gatehouse is up") && m.find()) {
                List<Integer> ports = new ArrayList<>();
                for (String host : m.group(1).split(",")) {
                    ports.add(Integer.parseInt(host.substring(host.lastIndexOf(':') + 1)));
                }
                return ports;
            }
            Thread.sleep(500);
        }
        return List.of();
    }

    private static void refusesAClientWithoutThePassword(int port) throws Exception {
        try (RespConnection connection = RespConnection.open("127.0.0.1", port, 5_000)) {
            RespConnection.RedisErrorReply refused =
                    assertThrows(
                            RespConnection.RedisErrorReply.class,
                            () -> connection.call("CLUSTER", "INFO"),
                            "node " + port + " served a client without the password");
            assertTrue(refused.getMessage().contains("NOAUTH"), refused.getMessage());
        }
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv("PATH").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
