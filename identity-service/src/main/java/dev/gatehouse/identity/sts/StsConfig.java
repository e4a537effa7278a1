package dev.gatehouse.identity.sts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** STS (AssumeRole, AssumeRoleWithWebIdentity, GetSessionToken) in identity-service. */
@ConfigMapping(prefix = "gatehouse.sts")
public interface StsConfig {

    /**
     * Every role's {@code MaxSessionDuration} (AWS: 1 to 12 hours, default 1 hour): the longest
     * {@code DurationSeconds} AssumeRole and AssumeRoleWithWebIdentity accept.
     */
    @WithDefault("1h")
    Duration maxSessionDuration();

    /**
     * Requests per second STS serves, every action and caller together (AWS counts STS requests per
     * account and Region; its default is UNVERIFIED, 600 taken); past it AWS's {@code Throttling:
     * Rate exceeded}. 0 turns the quota off.
     */
    @WithDefault("600")
    int requestsPerSecond();
}
