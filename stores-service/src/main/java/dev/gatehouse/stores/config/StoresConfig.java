package dev.gatehouse.stores.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of stores-service. */
@ConfigMapping(prefix = "gatehouse.stores")
public interface StoresConfig {

    /** Loading the bundled catalogue at startup. */
    Seed seed();

    /** Reading the catalogue. */
    Catalog catalog();

    interface Catalog {
        /**
         * How long a catalogue listing waits for Redis (a frozen or failed-over node answers
         * nothing) before this instance serves the last listing it read instead, or, with none,
         * fails rather than keep the request waiting.
         */
        @WithDefault("2s")
        Duration redisTimeout();
    }

    interface Seed {
        /** Whether to seed the catalogue into Redis at startup (idempotent). */
        @WithDefault("true")
        boolean enabled();

        /** Classpath resource holding the catalogue as a JSON array of stores. */
        @WithDefault("stores.json")
        String resource();
    }
}
