package dev.gatehouse.auth.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derived signing keys, cached per (access key, date, region, service): four HMACs saved on every
 * request after the first of the day. A changed secret is detected and re-derived.
 */
final class SigningKeys {

    private static final int MAX_ENTRIES = 10_000;

    private record Entry(byte[] secretDigest, byte[] key) {}

    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    byte[] signingKey(
            String accessKeyId, String secret, String date, String region, String service) {
        String id = accessKeyId + '/' + date + '/' + region + '/' + service;
        byte[] secretDigest = digest(secret);
        Entry entry = cache.get(id);
        if (entry != null && MessageDigest.isEqual(entry.secretDigest(), secretDigest)) {
            return entry.key();
        }
        byte[] key = derive(secret, date, region, service);
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(id, new Entry(secretDigest, key));
        return key;
    }

    static byte[] derive(String secret, String date, String region, String service) {
        byte[] kDate = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        byte[] kRegion = hmac(kDate, region);
        byte[] kService = hmac(kRegion, service);
        return hmac(kService, "aws4_request");
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }

    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
