package dev.gatehouse.stores.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of stores-service. */
@ConfigMapping(prefix = "gatehouse.stores")
public interface StoresConfig {

    /** Loading the bundled catalogue at startup. */
    Seed seed();

    interface Seed {
        /** Whether to seed the catalogue into Redis at startup (idempotent). */
        @WithDefault("true")
        boolean enabled();

        /** Classpath resource holding the catalogue as a JSON array of stores. */
        @WithDefault("stores.json")
        String resource();
    }
}
