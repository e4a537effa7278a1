package dev.gatehouse.auth.usageplan;

/**
 * Redis key names for API keys and their counters. Everything one request touches lives under the
 * hash tag of the key's SHA-256, {@code {ak:<sha256>}}, so the decision script runs on one Redis
 * Cluster slot; the name and id registries live under {@code {apikeys}}.
 */
public final class UsageKeys {

    /** Hash: key name to {@code <sha256>:<id>}. */
    public static final String NAMES = "{apikeys}:names";

    /** Hash: key id to {@code <sha256>:<name>}. */
    public static final String IDS = "{apikeys}:ids";

    private UsageKeys() {}

    /** Hash holding the key's id, name, enabled flag, creation time and plan settings. */
    public static String record(String sha256) {
        return "{ak:" + sha256 + "}:key";
    }

    /** Daily usage of a key in a plan: hash with {@code used} and {@code remaining}. */
    public static String dailyUsage(String sha256, String plan, long epochDay) {
        return "{ak:" + sha256 + "}:u:" + plan + ":" + epochDay;
    }

    /** Requests counted in the quota period starting on {@code periodStartDay}. */
    public static String quota(String sha256, String plan, long periodStartDay) {
        return "{ak:" + sha256 + "}:q:" + plan + ":" + periodStartDay;
    }
}
