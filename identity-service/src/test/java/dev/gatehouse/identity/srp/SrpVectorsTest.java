package dev.gatehouse.identity.srp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Cognito's SRP against the spec's vectors (section 3.9) and a published client vector. */
class SrpVectorsTest {

    static final HexFormat HEX = HexFormat.of();
    static final String POOL_NAME = "eYpv1mFHB";
    static final String USER_ID = "a2c2e290-6d0f-4a08-a5ca-f0162935f3a6";
    static final String PASSWORD = "Qwerty1!";
    static final BigInteger SALT = new BigInteger("baf4431cdaa37c04c0d655a99f5e9b9b", 16);
    static final BigInteger SMALL_A = new BigInteger("abcdef0123456789", 16);
    static final String TIMESTAMP = "Tue Feb 1 03:04:05 UTC 2000";

    @Test
    void multiplierHashesNAndGInTheirMinimalEncoding() {
        assertThat(Srp.bytes(Srp.N)).hasSize(385);
        assertThat(Srp.K.toString(16))
                .isEqualTo("538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6");
    }

    @Test
    void vectorAPasswordHash() {
        byte[] inner =
                Srp.sha256((POOL_NAME + USER_ID + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(HEX.formatHex(inner))
                .isEqualTo("cd9896b264dc8dca270b0b74b039cf775ea70afb06bd253f5e0ffe7197224aa3");
        assertThat(Srp.G.modPow(SMALL_A, Srp.N).toString(16))
                .startsWith("362be8c4c29e414549c30c6679ddbb556c27717d80c8feec");
    }

    @Test
    void vectorBServerSideMatchesTheClientSignature() {
        BigInteger x = Srp.x(POOL_NAME, USER_ID, PASSWORD, SALT);
        assertThat(x.toString(16))
                .isEqualTo("9fbc5499b0ece2fe4d71b7d8d6d859c5fa9ab8c0425596e976a98ba63a0a68fb");
        BigInteger v = Srp.verifier(x);
        assertThat(v.toString(16)).startsWith("d348caa5e33e7cabcf8c8811460bd294");

        BigInteger b = new BigInteger("1".repeat(64), 16);
        BigInteger serverPublic = Srp.serverPublic(v, b);
        assertThat(serverPublic.toString(16))
                .startsWith("57d4878089fb748072823352352effed303d2d8720145f82")
                .endsWith("35b4b0c18145d07ffaf13a");
        assertThat(HEX.formatHex(Srp.sha256(Srp.bytes(serverPublic))))
                .isEqualTo("eac93c2cb7b18b69e8b6513305a238c393d55b2b97aaf653f33a4d9713d06206");

        BigInteger clientPublic = Srp.G.modPow(SMALL_A, Srp.N);
        BigInteger u = Srp.scrambler(clientPublic, serverPublic);
        assertThat(u.toString(16))
                .isEqualTo("4305d7ff9bd5fbbea0f287ce58b9a2281992ab5e1c33d508c5160290cb9994f3");
        BigInteger secret = Srp.serverSecret(clientPublic, v, u, b);
        assertThat(HEX.formatHex(Srp.sha256(Srp.bytes(secret))))
                .isEqualTo("c3033068b9242f33ab3dea6596ae076d95be7edfee4311fe3cd32afe92ac15f3");
        byte[] key = Srp.derivedKey(secret, u);
        assertThat(HEX.formatHex(key)).isEqualTo("3c67d7993de63c18a2f5f6746caa206a");

        byte[] secretBlock = new byte[64];
        for (int i = 0; i < 64; i++) {
            secretBlock[i] = (byte) i;
        }
        String signature =
                Base64.getEncoder()
                        .encodeToString(
                                Srp.signature(key, POOL_NAME, USER_ID, secretBlock, TIMESTAMP));
        assertThat(signature).isEqualTo("uO/retn0n8066tZciPEkJG9dF2M/5VwO8QXDs6wZPz8=");
        assertThat(
                        new SrpClient(POOL_NAME, SMALL_A)
                                .signature(
                                        USER_ID,
                                        PASSWORD,
                                        SALT.toString(16),
                                        serverPublic.toString(16),
                                        secretBlock,
                                        TIMESTAMP))
                .isEqualTo(signature);
    }

    @Test
    void passwordVerifierMatchesOnlyItsPassword() {
        PasswordVerifier verifier = PasswordVerifier.create(POOL_NAME, USER_ID, PASSWORD);
        assertThat(verifier.salt()).doesNotStartWith("0").doesNotStartWith("-");
        assertThat(verifier.matches(POOL_NAME, USER_ID, PASSWORD)).isTrue();
        assertThat(verifier.matches(POOL_NAME, USER_ID, "Qwerty1?")).isFalse();
    }

    @Test
    void timestampIsAcceptedOnlyInCanonicalForm() {
        assertThat(SrpTimestamp.parse(TIMESTAMP)).contains(Instant.parse("2000-02-01T03:04:05Z"));
        assertThat(SrpTimestamp.format(Instant.parse("2022-12-31T23:59:59Z")))
                .isEqualTo("Sat Dec 31 23:59:59 UTC 2022");
        assertThat(SrpTimestamp.parse("Tue Feb 01 03:04:05 UTC 2000")).isEmpty();
        assertThat(SrpTimestamp.parse("Wed Feb 1 03:04:05 UTC 2000")).isEmpty();
        assertThat(SrpTimestamp.parse("Tue Feb  1 03:04:05 UTC 2000")).isEmpty();
        assertThat(SrpTimestamp.parse("garbage")).isEmpty();
    }
}
