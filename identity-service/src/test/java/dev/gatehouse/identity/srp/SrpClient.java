package dev.gatehouse.identity.srp;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client half of Cognito's SRP, as AWS's clients compute it, so tests can sign in with
 * USER_SRP_AUTH through the AWS SDK. Written from the published description (amazon-cognito-
 * identity-js's AuthenticationHelper, aws-sdk-android's AuthenticationHelper) and pinned to the
 * published vectors by {@link SrpClientVectorsTest}; it shares no code with the server's {@link
 * Srp}, so a mistake there cannot hide by being made twice.
 */
public record SrpClient(String poolName, BigInteger a) {

    /** RFC 5054's 3072-bit group, as embedded in every AWS client. */
    static final BigInteger N =
            new BigInteger(
                    "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22"
                        + "514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B5"
                        + "76625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B"
                        + "1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F83"
                        + "655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08"
                        + "CA18217C32905E462E36CE3BE39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52"
                        + "C9DE2BCBF6955817183995497CEA956AE515D2261898FA051015728E5A8AAAC42DAD33"
                        + "170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6"
                        + "E1E4C7ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864"
                        + "D87602733EC86A64521F2B18177B200CBBE117577A615D6C770988C0BAD946E208E24F"
                        + "A074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF",
                    16);

    static final BigInteger G = BigInteger.TWO;

    /** k = H(padHex(N) || padHex(g)). */
    static final BigInteger K = new BigInteger(1, sha256(padHex(N), padHex(G)));

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss 'UTC' yyyy", Locale.US)
                    .withZone(ZoneOffset.UTC);

    /** A = g^a mod N, sent as SRP_A in lowercase hex. */
    public BigInteger clientPublic() {
        return G.modPow(a, N);
    }

    /** TIMESTAMP as AWS's clients send it: English names, no zero before the day. */
    public static String timestamp(Instant now) {
        return TIMESTAMP.format(now);
    }

    /** PASSWORD_CLAIM_SIGNATURE for the challenge's SALT, SRP_B and SECRET_BLOCK. */
    public String signature(
            String userId,
            String password,
            String saltHex,
            String serverPublicHex,
            byte[] secretBlock,
            String timestamp) {
        BigInteger serverPublic = new BigInteger(serverPublicHex, 16);
        BigInteger u = new BigInteger(1, sha256(padHex(clientPublic()), padHex(serverPublic)));
        byte[] inner =
                sha256((poolName + userId + ":" + password).getBytes(StandardCharsets.UTF_8));
        BigInteger x = new BigInteger(1, sha256(padHex(new BigInteger(saltHex, 16)), inner));
        BigInteger secret =
                serverPublic
                        .subtract(K.multiply(G.modPow(x, N)))
                        .mod(N)
                        .modPow(a.add(u.multiply(x)), N);
        byte[] key = hkdf(padHex(secret), padHex(u));
        byte[] message =
                concat(
                        poolName.getBytes(StandardCharsets.UTF_8),
                        userId.getBytes(StandardCharsets.UTF_8),
                        secretBlock,
                        timestamp.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(hmac(key, message));
    }

    /**
     * amazon-cognito-identity-js's padHex: the hex of a positive value with an even number of
     * digits, and "00" in front when the first digit is 8 or more.
     */
    static byte[] padHex(BigInteger value) {
        String hex = value.toString(16);
        if (hex.length() % 2 == 1) {
            hex = "0" + hex;
        } else if ("89abcdef".indexOf(hex.charAt(0)) >= 0) {
            hex = "00" + hex;
        }
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    /** HKDF-SHA256 with info "Caldera Derived Key", first 16 bytes. */
    static byte[] hkdf(byte[] ikm, byte[] salt) {
        byte[] prk = hmac(salt, ikm);
        byte[] info = "Caldera Derived Key".getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(hmac(prk, concat(info, new byte[] {1})), 16);
    }

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
