package dev.gatehouse.identity.pool;

import java.security.SecureRandom;

/** Identifiers shaped like Cognito's, from a CSPRNG. */
public final class RandomIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALNUM =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

    private RandomIds() {}

    /** {@code <region>_<9 alphanumerics>}, e.g. {@code us-east-1_Ab12Cd34E}. */
    public static String poolId(String region) {
        return region + "_" + pick(ALNUM, 9);
    }

    /** 26 lowercase alphanumerics, e.g. {@code 18u8119jgbpr464n28s1itk2mq}. */
    public static String clientId() {
        return pick(LOWER_ALNUM, 26);
    }

    /** 51 lowercase alphanumerics, as Cognito's generated client secrets look. */
    public static String clientSecret() {
        return pick(LOWER_ALNUM, 51);
    }

    public static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Six decimal digits, leading zeros kept. */
    public static String code() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    private static String pick(String alphabet, int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return id.toString();
    }
}
