package dev.gatehouse.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged stores-service ({@code target/quarkus-app/quarkus-run.jar}) started as a process of
 * its own, configured through the environment as deploy/local/up.sh starts each instance.
 */
final class StoresInstance implements AutoCloseable {

    private static final Path JAR =
            LauncherScripts.ROOT.resolve("stores-service/target/quarkus-app/quarkus-run.jar");

    final String name;
    final int port;
    final int managementPort;
    final Path log;
    private final Process process;

    private StoresInstance(String name, int port, int managementPort, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts an instance on {@code port} (management on {@code managementPort}) with {@code env}.
     */
    static StoresInstance start(
            String name, Path dir, int port, int managementPort, Map<String, String> env)
            throws Exception {
        if (!Files.isRegularFile(JAR)) {
            fail(JAR + " is missing: ./mvnw -pl stores-service -am package");
        }
        Path log = dir.resolve(name + ".log");
        ProcessBuilder builder =
                new ProcessBuilder(List.of("java", "-jar", JAR.toString()))
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        return new StoresInstance(name, port, managementPort, log, builder.start());
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** Waits until {@code /q/health/ready} answers 200; fails with the log if it never does. */
    void awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail(name + " exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                HttpResponse<Void> ready =
                        http.send(
                                HttpRequest.newBuilder(URI.create(url("/q/health/ready")))
                                        .timeout(Duration.ofSeconds(2))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        fail(name + " not ready within " + timeout + ":\n" + Files.readString(log));
    }

    /** The instance's count of this key's requests served by the fail-open policy (metrics). */
    long failOpenCount(String keyId) throws Exception {
        String metrics =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(managementUrl() + "/q/metrics"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
        return metrics.lines()
                .filter(l -> l.startsWith("gatehouse_usage_plan_requests_total{"))
                .filter(l -> l.contains("outcome=\"fail_open\"") && l.contains(keyId))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
