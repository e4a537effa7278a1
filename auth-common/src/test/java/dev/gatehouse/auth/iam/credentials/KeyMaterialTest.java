package dev.gatehouse.auth.iam.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeyMaterialTest {

    @Test
    void generatedIdsAndSecretsHaveAwsShapes() {
        String id = KeyMaterial.newAccessKeyId(KeyMaterial.LONG_TERM_PREFIX);
        assertTrue(id.matches("AKIA[A-Z2-7]{16}"), id);
        assertTrue(KeyMaterial.isAccessKeyId(id, "AKIA"));
        assertTrue(
                KeyMaterial.newAccessKeyId(KeyMaterial.TEMPORARY_PREFIX)
                        .matches("ASIA[A-Z2-7]{16}"));
        String secret = KeyMaterial.newSecretAccessKey();
        assertTrue(KeyMaterial.isSecretAccessKey(secret), "40 of [A-Za-z0-9/+]");
        assertNotEquals(secret, KeyMaterial.newSecretAccessKey());
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
