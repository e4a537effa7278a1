package dev.gatehouse.stores.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The seeded catalogue is reproducible: the file in the repository is the generator's output. */
class StoreCatalogueDataTest {

    @Test
    void theCatalogueFileIsWhatTheGeneratorMakes() throws IOException {
        try (InputStream file = getClass().getResourceAsStream("/stores.json")) {
            assertEquals(
                    GenerateStores.catalogue(),
                    new String(file.readAllBytes(), StandardCharsets.UTF_8),
                    "regenerate with the command in GenerateStores' Javadoc");
        }
    }
}
