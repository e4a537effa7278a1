package dev.gatehouse.identity.srp;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SRP-6a variant Cognito's clients compute (spec section 3): RFC 5054's 3072-bit group, g = 2,
 * SHA-256, and one encoding for every hashed integer, {@link BigInteger#toByteArray()} (minimal
 * two's complement: never padded to the length of N).
 */
public final class Srp {

    public static final BigInteger N =
            new BigInteger(
                    "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD1"
                            + "29024E088A67CC74020BBEA63B139B22514A08798E3404DD"
                            + "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245"
                            + "E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
                            + "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3D"
                            + "C2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F"
                            + "83655D23DCA3AD961C62F356208552BB9ED529077096966D"
                            + "670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B"
                            + "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9"
                            + "DE2BCBF6955817183995497CEA956AE515D2261898FA0510"
                            + "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64"
                            + "ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7"
                            + "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6B"
                            + "F12FFA06D98A0864D87602733EC86A64521F2B18177B200C"
                            + "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB31"
                            + "43DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF",
                    16);
    public static final BigInteger G = BigInteger.TWO;

    /** k = H(BYTES(N) || BYTES(g)). */
    public static final BigInteger K = new BigInteger(1, sha256(bytes(N), bytes(G)));

    private static final byte[] DERIVED_KEY_INFO =
            "Caldera Derived Key\u0001".getBytes(StandardCharsets.UTF_8);

    private Srp() {}

    /** BYTES(x): the minimal big-endian two's complement encoding. */
    public static byte[] bytes(BigInteger x) {
        return x.toByteArray();
    }

    /** x = H(BYTES(salt) || H(poolName || userId || ":" || password)). */
    public static BigInteger x(String poolName, String userId, String password, BigInteger salt) {
        byte[] inner =
                sha256((poolName + userId + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new BigInteger(1, sha256(bytes(salt), inner));
    }

    public static BigInteger verifier(BigInteger x) {
        return G.modPow(x, N);
    }

    /** B = (k·v + g^b) mod N. */
    public static BigInteger serverPublic(BigInteger verifier, BigInteger b) {
        return K.multiply(verifier).add(G.modPow(b, N)).mod(N);
    }

    /** u = H(BYTES(A) || BYTES(B)). */
    public static BigInteger scrambler(BigInteger clientPublic, BigInteger serverPublic) {
        return new BigInteger(1, sha256(bytes(clientPublic), bytes(serverPublic)));
    }

    /** S = (A · v^u)^b mod N. */
    public static BigInteger serverSecret(
            BigInteger clientPublic, BigInteger verifier, BigInteger u, BigInteger b) {
        return clientPublic.multiply(verifier.modPow(u, N)).mod(N).modPow(b, N);
    }

    /** HKDF-SHA256(IKM = BYTES(S), salt = BYTES(u), info "Caldera Derived Key"), 16 bytes. */
    public static byte[] derivedKey(BigInteger secret, BigInteger u) {
        byte[] prk = hmac(bytes(u), bytes(secret));
        byte[] okm = hmac(prk, DERIVED_KEY_INFO);
        byte[] key = new byte[16];
        System.arraycopy(okm, 0, key, 0, 16);
        return key;
    }

    /** HMAC-SHA256(key, poolName || userId || secretBlock || timestamp). */
    public static byte[] signature(
            byte[] key, String poolName, String userId, byte[] secretBlock, String timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(poolName.getBytes(StandardCharsets.UTF_8));
            mac.update(userId.getBytes(StandardCharsets.UTF_8));
            mac.update(secretBlock);
            return mac.doFinal(timestamp.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] sha256(byte[]... parts) {
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
}
