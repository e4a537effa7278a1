package dev.gatehouse.auth.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteConfigSourceFactoryTest {

    @TempDir Path dir;

    @AfterEach
    void clear() {
        System.clearProperty(SuiteConfigSourceFactory.PROPERTY);
    }

    private static SmallRyeConfig config(String profile) {
        return new SmallRyeConfigBuilder()
                .withProfile(profile)
                .withSources(
                        new PropertiesConfigSource(
                                Map.of(
                                        "gatehouse.region",
                                        "eu-west-1",
                                        "gatehouse.only-in-app",
                                        "app"),
                                "application.properties",
                                250))
                .withSources(new SuiteConfigSourceFactory())
                .build();
    }

    @Test
    void suiteFileOverridesTheServiceDefaults() throws Exception {
        Path file =
                Files.writeString(dir.resolve("suite.properties"), "gatehouse.region=ap-south-1\n");
        System.setProperty(SuiteConfigSourceFactory.PROPERTY, file.toString());

        SmallRyeConfig config = config("prod");

        assertEquals("ap-south-1", config.getValue("gatehouse.region", String.class));
        assertEquals("app", config.getValue("gatehouse.only-in-app", String.class));
    }

    @Test
    void aMissingNamedFileStopsStartupNamingIt() {
        System.setProperty(
                SuiteConfigSourceFactory.PROPERTY, dir.resolve("absent.properties").toString());
        RuntimeException e = assertThrows(RuntimeException.class, () -> config("prod"));
        String messages = e.toString() + (e.getCause() == null ? "" : e.getCause().toString());
        assertTrue(
                messages.contains("absent.properties") && messages.contains("GATEHOUSE_CONFIG"),
                messages);
    }

    @Test
    void findsTheLauncherFileFromAModuleDirectory() throws Exception {
        Path suite = dir.resolve("deploy/local/gatehouse.properties");
        Files.createDirectories(suite.getParent());
        Files.writeString(suite, "gatehouse.region=sa-east-1\n");
        Path module = Files.createDirectories(dir.resolve("stores-service/target"));

        assertEquals(suite, SuiteConfigSourceFactory.findUpwards(module).orElseThrow());
        assertFalse(
                SuiteConfigSourceFactory.findUpwards(Files.createTempDirectory("elsewhere"))
                        .isPresent());
    }

    @Test
    void testsDoNotPickUpTheLauncherFile() {
        assertEquals("eu-west-1", config("test").getValue("gatehouse.region", String.class));
    }

    @Test
    void devModeFindsTheLauncherFileAboveTheModule() {
        // The module directory (the working directory of this test) is below the repository's
        // deploy/local/gatehouse.properties.
        assertTrue(
                SuiteConfigSourceFactory.findUpwards(Path.of("").toAbsolutePath()).isPresent(),
                "run from a module of the repository");
        assertEquals("us-east-1", config("dev").getValue("gatehouse.region", String.class));
        assertTrue(
                config("dev")
                        .getOptionalValue("gatehouse.iam.principals.admin.arn", String.class)
                        .isPresent());
    }

    @Test
    void aPackagedServiceOrItsBuildReadsOnlyTheFileItIsTold() {
        // prod is the profile of the build too: a file found here would be recorded into the jar.
        SmallRyeConfig prod = config("prod");
        assertEquals("eu-west-1", prod.getValue("gatehouse.region", String.class));
        assertFalse(
                prod.getOptionalValue("gatehouse.iam.principals.admin.arn", String.class)
                        .isPresent());
    }
}
