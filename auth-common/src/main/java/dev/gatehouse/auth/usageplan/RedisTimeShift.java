package dev.gatehouse.auth.usageplan;

import java.time.Duration;

/**
 * The decision script's clock. {@code usage-plan-decide.lua} reads Redis's own {@code TIME}, so
 * every instance of every service decides on one clock, whatever the hosts' clocks say; that time
 * is moved by {@link #shift()} before the script decides. Production binds {@link #NONE} (a {@code
 * DefaultBean} in {@link MeteringBeans}); a test binds its own bean to reach a period boundary
 * without waiting for it. {@link UsagePlanLimiter}, the script's one Java owner, sends the shift as
 * the script's {@code ARGV[2]}, in whole seconds.
 */
@FunctionalInterface
public interface RedisTimeShift {

    /** Redis's time as it is: what production always uses. */
    RedisTimeShift NONE = () -> Duration.ZERO;

    /** How far ahead of Redis's {@code TIME} the script decides (whole seconds are used). */
    Duration shift();
}
