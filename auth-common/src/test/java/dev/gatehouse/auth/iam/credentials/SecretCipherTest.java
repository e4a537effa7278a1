package dev.gatehouse.auth.iam.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);
    static final String KEY_B = Base64.getEncoder().encodeToString(filled((byte) 7));

    @Test
    void sealsAndOpensASecret() {
        SecretCipher cipher = SecretCipher.fromBase64(Optional.of(KEY_A));
        String sealed = cipher.encrypt("AKIAAAAAAAAAAAAAAAAA", "secret/with+chars");
        assertFalse(sealed.contains("secret"));
        assertEquals(
                Optional.of("secret/with+chars"), cipher.decrypt("AKIAAAAAAAAAAAAAAAAA", sealed));
    }

    @Test
    void sealingTwiceGivesDifferentCiphertexts() {
        SecretCipher cipher = SecretCipher.fromBase64(Optional.of(KEY_A));
        assertNotEquals(cipher.encrypt("AKIAX", "s"), cipher.encrypt("AKIAX", "s"));
    }

    @Test
    void anotherMasterKeyCannotOpenIt() {
        String sealed =
                SecretCipher.fromBase64(Optional.of(KEY_A)).encrypt("AKIAAAAAAAAAAAAAAAAA", "s");
        assertTrue(
                SecretCipher.fromBase64(Optional.of(KEY_B))
                        .decrypt("AKIAAAAAAAAAAAAAAAAA", sealed)
                        .isEmpty());
    }

    @Test
    void ciphertextIsBoundToItsAccessKeyId() {
        SecretCipher cipher = SecretCipher.fromBase64(Optional.of(KEY_A));
        String sealed = cipher.encrypt("AKIAAAAAAAAAAAAAAAAA", "s");
        assertTrue(cipher.decrypt("AKIABBBBBBBBBBBBBBBB", sealed).isEmpty());
        assertTrue(cipher.decrypt("AKIAAAAAAAAAAAAAAAAA", "garbage!").isEmpty());
        assertTrue(cipher.decrypt("AKIAAAAAAAAAAAAAAAAA", "AAAA").isEmpty());
    }

    @Test
    void missingOrMalformedMasterKeyNamesTheSettingNotTheValue() {
        var missing =
                assertThrows(
                        IllegalStateException.class,
                        () -> SecretCipher.fromBase64(Optional.empty()));
        assertTrue(missing.getMessage().contains("GATEHOUSE_IAM_MASTER_KEY"));
        var shortKey =
                assertThrows(
                        IllegalStateException.class,
                        () -> SecretCipher.fromBase64(Optional.of("c2hvcnQ=")));
        assertTrue(shortKey.getMessage().contains("32 bytes"));
        assertFalse(shortKey.getMessage().contains("c2hvcnQ="));
        assertThrows(
                IllegalStateException.class,
                () -> SecretCipher.fromBase64(Optional.of("not base64 !")));
    }

    private static byte[] filled(byte b) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, b);
        return bytes;
    }
}
