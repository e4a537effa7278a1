package dev.gatehouse.identity.srp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The test client against published values only (cognito-srp-helper's vector and the spec's
 * server-side vector, whose signature pycognito reproduces unmodified), never against the server's
 * {@link Srp}: the client is the oracle the sign-in tests trust.
 */
class SrpClientVectorsTest {

    static final HexFormat HEX = HexFormat.of();
    static final String POOL_NAME = "eYpv1mFHB";
    static final String USER_ID = "a2c2e290-6d0f-4a08-a5ca-f0162935f3a6";
    static final String PASSWORD = "Qwerty1!";
    static final String SALT = "baf4431cdaa37c04c0d655a99f5e9b9b";
    static final BigInteger SMALL_A = new BigInteger("abcdef0123456789", 16);

    @Test
    void theGroupAndMultiplierAreCognitos() {
        assertThat(SrpClient.padHex(SrpClient.N)).hasSize(385);
        assertThat(SrpClient.K.toString(16))
                .isEqualTo("538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6");
        assertThat(new SrpClient(POOL_NAME, SMALL_A).clientPublic().toString(16))
                .startsWith("362be8c4c29e414549c30c6679ddbb556c27717d80c8feec");
    }

    @Test
    void signsThePublishedServerVector() {
        // The server's side of the vector, computed here from its published secret b = 0x11..11.
        BigInteger x =
                new BigInteger(
                        "9fbc5499b0ece2fe4d71b7d8d6d859c5fa9ab8c0425596e976a98ba63a0a68fb", 16);
        BigInteger v = SrpClient.G.modPow(x, SrpClient.N);
        assertThat(v.toString(16)).startsWith("d348caa5e33e7cabcf8c8811460bd294");
        BigInteger b = new BigInteger("1".repeat(64), 16);
        BigInteger serverPublic =
                SrpClient.K.multiply(v).add(SrpClient.G.modPow(b, SrpClient.N)).mod(SrpClient.N);
        assertThat(HEX.formatHex(SrpClient.sha256(SrpClient.padHex(serverPublic))))
                .isEqualTo("eac93c2cb7b18b69e8b6513305a238c393d55b2b97aaf653f33a4d9713d06206");

        byte[] secretBlock = new byte[64];
        for (int i = 0; i < 64; i++) {
            secretBlock[i] = (byte) i;
        }
        String signature =
                new SrpClient(POOL_NAME, SMALL_A)
                        .signature(
                                USER_ID,
                                PASSWORD,
                                SALT,
                                serverPublic.toString(16),
                                secretBlock,
                                "Tue Feb 1 03:04:05 UTC 2000");
        assertThat(signature).isEqualTo("uO/retn0n8066tZciPEkJG9dF2M/5VwO8QXDs6wZPz8=");
    }

    @Test
    void timestampsHaveNoZeroBeforeTheDay() {
        assertThat(SrpClient.timestamp(Instant.parse("2000-02-01T03:04:05Z")))
                .isEqualTo("Tue Feb 1 03:04:05 UTC 2000");
        assertThat(SrpClient.timestamp(Instant.parse("2022-12-31T23:59:59Z")))
                .isEqualTo("Sat Dec 31 23:59:59 UTC 2022");
    }
}
