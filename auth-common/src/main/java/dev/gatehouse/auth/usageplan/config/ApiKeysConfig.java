package dev.gatehouse.auth.usageplan.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** API keys by name: {@code gatehouse.api-keys.freeKey.plan=free}. */
@ConfigMapping(prefix = "gatehouse.api-keys")
public interface ApiKeysConfig {

    /** Keys by name (the name is not secret; the value is). */
    @WithParentName
    Map<String, Key> keys();

    interface Key {
        /** The usage plan(s) of the key, comma-separated; at most one plan per API, as in AWS. */
        List<String> plan();

        /**
         * The key value, 20-128 characters of {@code [A-Za-z0-9_-]}. Never commit one: reference
         * the environment, {@code value=${FREE_API_KEY:}}. Empty or absent: a 40-character value is
         * generated once, from a CSPRNG, and revealed once (see {@code
         * gatehouse.metering.reveal-file}).
         */
        Optional<String> value();

        /** A disabled key is refused (403) from the next request on. */
        @WithDefault("true")
        boolean enabled();
    }
}
