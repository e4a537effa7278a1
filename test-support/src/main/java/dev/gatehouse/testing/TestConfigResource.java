package dev.gatehouse.testing;

import dev.gatehouse.redis.local.FreePort;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * For {@code @QuarkusIntegrationTest}s: hands the module's test-only configuration ({@code
 * src/test/resources/META-INF/microprofile-config.properties}, which a packaged jar or native
 * executable does not contain) to the application under test, the way every test resource's
 * configuration reaches it. Also moves the management interface to a free port, which {@link
 * #managementRoot()} tells the test.
 */
public class TestConfigResource implements QuarkusTestResourceLifecycleManager {

    static final String FILE = "META-INF/microprofile-config.properties";

    /**
     * System property of the test JVM holding the application's management port (a property, not a
     * field: the test class and this resource may live in different class loaders).
     */
    static final String MANAGEMENT_PORT = "gatehouse.it.management-port";

    /**
     * The management interface of the application under test ({@code quarkus.management.host} is
     * loopback): {@code @TestHTTPResource(management = true)} knows only the test profile's port.
     */
    public static String managementRoot() {
        String port = System.getProperty(MANAGEMENT_PORT);
        if (port == null) {
            throw new IllegalStateException("TestConfigResource has not started");
        }
        return "http://127.0.0.1:" + port;
    }

    @Override
    public Map<String, String> start() {
        Properties properties = new Properties();
        try {
            // Only the module's own test file: dependencies ship files of the same name.
            for (URL url : Collections.list(getClass().getClassLoader().getResources(FILE))) {
                if (url.toString().contains("/test-classes/")) {
                    try (InputStream in = url.openStream()) {
                        properties.load(in);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
        Map<String, String> config = new HashMap<>();
        properties.forEach((key, value) -> config.put((String) key, (String) value));
        config.remove("config_ordinal");
        // The packaged application runs in the prod profile and would find the launcher's suite
        // file (deploy/local/gatehouse.properties) above its directory: name an empty one.
        // The prod profile's management port is fixed (9081 on stores-service): a free one instead.
        String port = String.valueOf(FreePort.pick());
        config.put("quarkus.management.port", port);
        System.setProperty(MANAGEMENT_PORT, port);
        try {
            Path empty = Files.createTempFile("gatehouse-it-", ".properties");
            empty.toFile().deleteOnExit();
            config.put("gatehouse.config", empty.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return config;
    }

    @Override
    public void stop() {}
}
