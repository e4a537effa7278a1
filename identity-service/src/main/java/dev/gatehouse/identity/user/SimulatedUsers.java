package dev.gatehouse.identity.user;

import dev.gatehouse.identity.pool.UserPool;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The answers an unknown name gets under {@code PreventUserExistenceErrors=ENABLED}, shaped like a
 * real user's and derived from an HMAC of the folded name under the pool's simulation secret: the
 * same name always gets the same answer (as AWS documents for the simulated SRP challenge), and
 * nobody without the secret can tell them from real ones.
 */
@ApplicationScoped
public class SimulatedUsers {

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    private final SecretKeySpec secret;

    SimulatedUsers(UserPool pool) {
        this.secret = new SecretKeySpec(pool.simulationSecret(), "HmacSHA256");
    }

    /**
     * An email address whose mask ({@code n***@x***}) is what a real user's delivery shows: the
     * name itself when it is an email (a real user found by that alias shows exactly that), else
     * the name's first character at a domain whose initial the HMAC picks.
     */
    public String email(String name) {
        if (name.indexOf('@') > 0 && name.indexOf('@') < name.length() - 1) {
            return name;
        }
        byte[] seed = seed("email", name);
        String first = name.isEmpty() ? "x" : name.substring(0, name.offsetByCodePoints(0, 1));
        return first + "@" + LETTERS.charAt(Math.floorMod(seed[0], LETTERS.length())) + ".invalid";
    }

    /** A SALT in the form real verifiers have: 16 bytes, hex, no leading zeros. */
    public String srpSalt(String name) {
        return new BigInteger(1, Arrays.copyOf(seed("salt", name), 16)).toString(16);
    }

    /**
     * {@code USER_ID_FOR_SRP}: a real user's is the username it signed up with, which in this pool
     * is never an email; so a name is answered folded, and an email by its folded local part.
     */
    public String srpUserId(String name) {
        int at = name.indexOf('@');
        return UserKeys.fold(at > 0 ? name.substring(0, at) : name);
    }

    /** A {@code UserSub}: a random-looking (version 4 shaped) UUID, the same for the same name. */
    public String sub(String name) {
        ByteBuffer bytes = ByteBuffer.wrap(seed("sub", name));
        long high = (bytes.getLong() & ~0xF000L) | 0x4000L;
        long low = (bytes.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private byte[] seed(String purpose, String name) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return mac.doFinal(
                    (purpose + "\n" + UserKeys.fold(name)).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }
}
