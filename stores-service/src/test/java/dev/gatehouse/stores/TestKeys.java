package dev.gatehouse.stores;

/** API key values configured for tests in src/test/resources/META-INF. */
public final class TestKeys {

    /** A key whose plan never gets in the way. */
    public static final String UNLIMITED = "StoresServiceTestKey000001";

    /** Burst 2, almost no refill, quota 3 per day. */
    public static final String TINY = "StoresServiceTinyKey000001";

    /** No throttle, quota 1 per month. */
    public static final String QUOTA_ONE = "StoresServiceQuota1Key0001";

    /** Configured with enabled=false. */
    public static final String DISABLED = "StoresServiceDisabledKey01";

    /** A plan that fails closed when Redis is unreachable. */
    public static final String FAIL_CLOSED = "StoresServiceClosedKey0001";

    private TestKeys() {}
}
