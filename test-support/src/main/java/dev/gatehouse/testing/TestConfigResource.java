package dev.gatehouse.testing;

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
 * configuration reaches it.
 */
public class TestConfigResource implements QuarkusTestResourceLifecycleManager {

    static final String FILE = "META-INF/microprofile-config.properties";

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
