package dev.gatehouse.auth.usageplan;

/** {@code limit} requests per {@code period}; {@code offset} less in the first period. */
public record QuotaSettings(int limit, int offset, QuotaPeriod period) {}
