package dev.gatehouse.auth.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scripts are looked up by a name no two modules share. */
class RedisScriptTest {

    @Test
    void aScriptNameOnTheClasspathTwiceIsRefused(@TempDir Path dir) throws Exception {
        Path one = script(dir.resolve("one"), "return 1");
        Path two = script(dir.resolve("two"), "return 2");
        withClasspath(
                new URL[] {one.toUri().toURL(), two.toUri().toURL()},
                () ->
                        assertTrue(
                                assertThrows(
                                                IllegalStateException.class,
                                                () -> RedisScript.fromClasspath("lua/m/s.lua"))
                                        .getMessage()
                                        .contains("more than once")));
        withClasspath(
                new URL[] {one.toUri().toURL()},
                () -> assertEquals("lua/m/s.lua", RedisScript.fromClasspath("lua/m/s.lua").name()));
    }

    @Test
    void aModulesScriptLoadsFromItsOwnFolder() {
        assertEquals(
                40,
                RedisScript.fromClasspath("lua/auth-common/usage-plan-decide.lua").sha1().length());
    }

    private static Path script(Path root, String body) throws Exception {
        Path file = root.resolve("lua/m/s.lua");
        Files.createDirectories(file.getParent());
        Files.writeString(file, body);
        return root;
    }

    private static void withClasspath(URL[] urls, Runnable check) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(urls, null)) {
            thread.setContextClassLoader(loader);
            check.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
