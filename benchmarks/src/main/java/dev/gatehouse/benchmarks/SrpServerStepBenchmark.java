package dev.gatehouse.benchmarks;

import dev.gatehouse.identity.srp.Srp;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * identity-service's share of an SRP sign-in (USER_SRP_AUTH), in memory, with Cognito's 3072-bit
 * group. {@code challenge}: InitiateAuth's work, a fresh 256-bit b and B = k·v + g^b mod N. {@code
 * verify}: RespondToAuthChallenge's work, u = H(A | B), S = (A · v^u)^b mod N, the HKDF key and the
 * HMAC of the PASSWORD_CLAIM_SIGNATURE. The client's side (A, x, its signature) is computed once in
 * setup; Redis round trips and JSON are not included.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar SrpServerStep -wi 1 -i 3 -w 2s -r 2s -f 1
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class SrpServerStepBenchmark {

    static final String POOL_NAME = "Ab12Cd34E";
    static final String USER_ID = "5f2c1b7e-6a0d-4c3e-9b8a-1d2e3f4a5b6c";
    static final String TIMESTAMP = "Mon Nov 23 21:08:00 UTC 2026";

    private final SecureRandom random = new SecureRandom();
    private BigInteger verifier;
    private BigInteger clientPublic;
    private BigInteger serverSecretExponent;
    private BigInteger serverPublic;
    private byte[] secretBlock;
    private byte[] clientSignature;

    @Setup
    public void setUp() {
        BigInteger salt = new BigInteger(1, bytes(16));
        BigInteger x = Srp.x(POOL_NAME, USER_ID, "Correct-Horse-1", salt);
        verifier = Srp.verifier(x);
        BigInteger a = new BigInteger(1, bytes(32));
        clientPublic = Srp.G.modPow(a, Srp.N);
        serverSecretExponent = new BigInteger(1, bytes(32));
        serverPublic = Srp.serverPublic(verifier, serverSecretExponent);
        secretBlock = bytes(1024);
        // The client's S = (B - k·g^x)^(a + u·x) mod N, as amazon-cognito-identity-js computes it.
        BigInteger u = Srp.scrambler(clientPublic, serverPublic);
        BigInteger clientSecret =
                serverPublic
                        .subtract(Srp.K.multiply(Srp.G.modPow(x, Srp.N)))
                        .mod(Srp.N)
                        .modPow(a.add(u.multiply(x)), Srp.N);
        clientSignature =
                Srp.signature(
                        Srp.derivedKey(clientSecret, u),
                        POOL_NAME,
                        USER_ID,
                        secretBlock,
                        TIMESTAMP);
        if (!verify()) {
            throw new IllegalStateException("the benchmark's SRP exchange does not agree");
        }
    }

    @Benchmark
    public BigInteger challenge() {
        return Srp.serverPublic(verifier, new BigInteger(1, bytes(32)));
    }

    @Benchmark
    public boolean verify() {
        BigInteger u = Srp.scrambler(clientPublic, serverPublic);
        BigInteger secret = Srp.serverSecret(clientPublic, verifier, u, serverSecretExponent);
        byte[] expected =
                Srp.signature(
                        Srp.derivedKey(secret, u), POOL_NAME, USER_ID, secretBlock, TIMESTAMP);
        return MessageDigest.isEqual(expected, clientSignature);
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
