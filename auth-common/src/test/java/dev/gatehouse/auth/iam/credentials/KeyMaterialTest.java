package dev.gatehouse.auth.iam.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Key shapes checked against oracles that share nothing with {@link KeyMaterial}: AWS's documented
 * formats written as regular expressions here, and the example credentials of AWS's documentation.
 */
class KeyMaterialTest {

    /** AWS's example key pair (IAM user guide, "Managing access keys"). */
    static final String AWS_EXAMPLE_ID = "AKIAIOSFODNN7EXAMPLE";

    static final String AWS_EXAMPLE_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    @Test
    void generatedIdsAndSecretsHaveAwsShapes() {
        String id = KeyMaterial.newAccessKeyId(KeyMaterial.LONG_TERM_PREFIX);
        assertTrue(id.matches("AKIA[A-Z2-7]{16}"), id);
        assertTrue(
                KeyMaterial.newAccessKeyId(KeyMaterial.TEMPORARY_PREFIX)
                        .matches("ASIA[A-Z2-7]{16}"));
        String secret = KeyMaterial.newSecretAccessKey();
        assertTrue(secret.matches("[A-Za-z0-9/+]{40}"), "40 of [A-Za-z0-9/+]: " + secret);
        assertNotEquals(secret, KeyMaterial.newSecretAccessKey());
    }

    @Test
    void generatedSecretsUseTheWholeAlphabet() {
        StringBuilder seen = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            seen.append(KeyMaterial.newSecretAccessKey());
        }
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+";
        for (char c : alphabet.toCharArray()) {
            assertTrue(seen.indexOf(String.valueOf(c)) >= 0, "never generated " + c);
        }
    }

    @Test
    void acceptsAwsDocumentedExampleCredentials() {
        assertTrue(KeyMaterial.isAccessKeyId(AWS_EXAMPLE_ID, "AKIA"));
        assertTrue(KeyMaterial.isSecretAccessKey(AWS_EXAMPLE_SECRET));
    }

    @Test
    void rejectsMisshapenIdsAndSecrets() {
        assertFalse(KeyMaterial.isAccessKeyId("AKIA123", "AKIA"));
        assertFalse(KeyMaterial.isAccessKeyId("AKIAabcdefghijklmnop", "AKIA"));
        assertFalse(KeyMaterial.isAccessKeyId("ASIAAAAAAAAAAAAAAAAA", "AKIA"));
        assertFalse(KeyMaterial.isAccessKeyId("AKIA0000000000000000", "AKIA"));
        assertFalse(KeyMaterial.isSecretAccessKey("short"));
        assertFalse(KeyMaterial.isSecretAccessKey("x".repeat(39) + "!"));
    }

    @Test
    void uniqueIdsAreStablePerArnAndSayUserOrRole() {
        String user = KeyMaterial.uniqueId("arn:aws:iam::123456789012:user/a", false);
        assertEquals(user, KeyMaterial.uniqueId("arn:aws:iam::123456789012:user/a", false));
        assertTrue(user.matches("AIDA[A-Z2-7]{17}"), user);
        assertTrue(
                KeyMaterial.uniqueId("arn:aws:iam::123456789012:role/r", true)
                        .matches("AROA[A-Z2-7]{17}"));
    }
}
