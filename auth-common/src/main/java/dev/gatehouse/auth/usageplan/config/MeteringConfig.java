package dev.gatehouse.auth.usageplan.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** How this service applies API keys and usage plans. */
@ConfigMapping(prefix = "gatehouse.metering")
public interface MeteringConfig {

    /**
     * Whether this service checks API keys on {@code @ApiKeyRequired} routes and provisions the
     * configured keys at startup. Off for services without keyed routes (and for the unkeyed side
     * of the benchmark).
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * The name usage plans use for this service's API ({@code apis=...} in the configuration,
     * {@code apiStages[].apiId} in the management API).
     */
    @WithDefault("${quarkus.application.name}")
    String apiName();

    /** The stage this service runs as ({@code apiStages[].stage}), as in execute-api ARNs. */
    @WithDefault("${gatehouse.iam.stage:dev}")
    String stage();

    /**
     * Whether API key values are kept sealed (AES-256-GCM under {@code gatehouse.iam.master-key})
     * besides their SHA-256, so that {@code GetApiKey includeValue=true} returns them as AWS does.
     * With {@code false} only the hash is kept and the value is shown once, when the key is created
     * (AWS returns it on every {@code includeValue} read).
     */
    @WithDefault("true")
    boolean revealValues();

    /** Entries kept in the audit stream of control-plane writes (trimmed approximately). */
    @WithDefault("10000")
    int auditLength();

    /**
     * Send the IETF {@code RateLimit-Policy} / {@code RateLimit} fields on 2xx and 429 and {@code
     * Retry-After} on 429. AWS sends none of them: turn off for strict parity.
     */
    @WithDefault("true")
    boolean rateLimitHeaders();

    /**
     * File that receives the values of keys generated at startup (JSON object, key name to value,
     * mode 600), so that they are shown once and never logged. Required when a key has no value.
     */
    Optional<Path> revealFile();

    /** Longest wait for Redis on the request path before the outage policy applies. */
    @WithDefault("500ms")
    Duration redisTimeout();

    /** Consecutive Redis failures that open the circuit (no Redis calls while open). */
    @WithDefault("3")
    int circuitFailureThreshold();

    /** How long the circuit stays open before one request probes Redis again. */
    @WithDefault("1s")
    Duration circuitOpenFor();

    /** Redis connections opened at startup so the first burst of requests finds them ready. */
    @WithDefault("32")
    int warmConnections();

    /** How many days of daily usage are kept for usage reports. */
    @WithDefault("400")
    int usageRetentionDays();
}
