package dev.gatehouse.auth.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derived signing keys, cached per (access key, date, region, service): four HMACs saved on every
 * request after the first of the day. A changed secret is detected and re-derived.
 */
final class DerivedSigningKeys {

    private static final int MAX_ENTRIES = 10_000;

    private record Entry(String secret, byte[] key) {}

    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    byte[] signingKey(
            String accessKeyId, String secret, String date, String region, String service) {
        String id = accessKeyId + '/' + date + '/' + region + '/' + service;
        Entry entry = cache.get(id);
        // Both secrets are the server's own copies (the caller's secret never reaches here), so a
        // plain comparison leaks nothing to a client.
        if (entry != null && entry.secret().equals(secret)) {
            return entry.key();
        }
        byte[] key = derive(secret, date, region, service);
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(id, new Entry(secret, key));
        return key;
    }

    static byte[] derive(String secret, String date, String region, String service) {
        byte[] kDate = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        byte[] kRegion = hmac(kDate, region);
        byte[] kService = hmac(kRegion, service);
        return hmac(kService, "aws4_request");
    }

    // Mac instances are not thread-safe; one per thread avoids a provider lookup per HMAC.
    private static final ThreadLocal<Mac> HMAC_SHA256 =
            ThreadLocal.withInitial(
                    () -> {
                        try {
                            return Mac.getInstance("HmacSHA256");
                        } catch (GeneralSecurityException e) {
                            throw new IllegalStateException(
                                    "HmacSHA256 is required of every JVM", e);
                        }
                    });

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = HMAC_SHA256.get();
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }
}
