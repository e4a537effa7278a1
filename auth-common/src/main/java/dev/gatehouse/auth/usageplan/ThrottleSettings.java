package dev.gatehouse.auth.usageplan;

/** A token bucket: capacity {@code burstLimit}, refilled at {@code rateLimit} per second. */
public record ThrottleSettings(double rateLimit, int burstLimit) {}
