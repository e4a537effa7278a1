package dev.gatehouse.hostile;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A SigV4 signature computed by hand over exactly the headers a forger chooses, for the one forgery
 * the AWS SDK signer cannot make: a SignedHeaders list without {@code host} (it always signs host).
 * The control case signs {@code host} this way and must verify, so the arithmetic is proven against
 * the server.
 */
final class HandSignature {

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private HandSignature() {}

    /**
     * A GET of {@code path?query} (query already canonical) signed over {@code signed}: header name
     * to value, names in canonical order. Returns the probe with X-Amz-Date and Authorization.
     */
    static Probe get(
            Probe probe,
            String path,
            String query,
            Map<String, String> signed,
            LaunchedSuite.Principal who) {
        String amzDate = AMZ_DATE.format(Instant.now());
        String day = amzDate.substring(0, 8);
        String scope = day + "/us-east-1/execute-api/aws4_request";
        StringBuilder canonical = new StringBuilder("GET\n" + path + "\n" + query + "\n");
        signed.forEach(
                (name, value) ->
                        canonical
                                .append(name)
                                .append(':')
                                .append(name.equals("x-amz-date") ? amzDate : value)
                                .append('\n'));
        String names = String.join(";", List.copyOf(signed.keySet()));
        canonical.append('\n').append(names).append('\n').append(hex(sha256(new byte[0])));
        String toSign =
                "AWS4-HMAC-SHA256\n"
                        + amzDate
                        + "\n"
                        + scope
                        + "\n"
                        + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        byte[] key = ("AWS4" + who.secretAccessKey()).getBytes(StandardCharsets.UTF_8);
        for (String part : new String[] {day, "us-east-1", "execute-api", "aws4_request"}) {
            key = hmac(key, part);
        }
        return probe.set("X-Amz-Date", amzDate)
                .set(
                        "Authorization",
                        "AWS4-HMAC-SHA256 Credential="
                                + who.accessKeyId()
                                + "/"
                                + scope
                                + ", SignedHeaders="
                                + names
                                + ", Signature="
                                + hex(hmac(key, toSign)));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
