package dev.gatehouse.identity.srp;

import dev.gatehouse.identity.pool.RandomIds;
import java.math.BigInteger;
import java.security.MessageDigest;

/**
 * What the pool keeps instead of a password: a 16-byte random salt and v = g^x mod N, both hex (the
 * salt without leading zeros, so clients that pad the SALT string and clients that parse it compute
 * the same x).
 */
public record PasswordVerifier(String salt, String verifier) {

    public static PasswordVerifier create(String poolName, String userId, String password) {
        BigInteger salt = new BigInteger(1, RandomIds.bytes(16));
        BigInteger v = Srp.verifier(Srp.x(poolName, userId, password, salt));
        return new PasswordVerifier(salt.toString(16), v.toString(16));
    }

    /** Whether {@code password} is the one this verifier was made from (constant time). */
    public boolean matches(String poolName, String userId, String password) {
        BigInteger v = Srp.verifier(Srp.x(poolName, userId, password, new BigInteger(salt, 16)));
        return MessageDigest.isEqual(Srp.bytes(v), Srp.bytes(new BigInteger(verifier, 16)));
    }
}
