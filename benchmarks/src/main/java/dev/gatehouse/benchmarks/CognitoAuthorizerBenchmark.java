package dev.gatehouse.benchmarks;

import dev.gatehouse.auth.cognito.CognitoAuthorizer;
import dev.gatehouse.auth.cognito.JwksKeys;
import dev.gatehouse.auth.cognito.TokenRequirement;
import dev.gatehouse.auth.cognito.TokenVerifier;
import dev.gatehouse.auth.cognito.VerifiedToken;
import dev.gatehouse.auth.cognito.config.CognitoConfig.TokenUse;
import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
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
 * The Cognito authorizer on one Cognito-shaped ID token (RSA 2048, about 1 kB), all in memory.
 *
 * <p>{@code warmCache}: the token was verified before, so the check is the header parse, a SHA-256
 * and a map lookup (the steady state within {@code AuthorizerResultTtlInSeconds}). {@code
 * fullVerification}: the result cache is off (TTL 0), so every call decodes the header, looks up
 * the kid and runs smallrye-jwt's RS256 verification with the issuer, time and client checks.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar CognitoAuthorizer -wi 1 -i 2 -w 2s -r 2s -f 1 -bm avgt -tu us
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class CognitoAuthorizerBenchmark {

    static final String ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Ab12Cd34E";
    static final String CLIENT = "4b1ka6rh0r8q6kpaetj2ls3f0c";
    static final String KID = "U7tN+Cf0kikhiQZPzRl5mKGhvKOoapoV0NzajBpEeOk=";
    static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final TokenRequirement requirement =
            new TokenRequirement(TokenUse.ID, Set.of(CLIENT), Set.of());
    private String header;
    private CognitoAuthorizer cached;
    private CognitoAuthorizer uncached;

    @Setup
    public void setUp() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        header = "Bearer " + token(pair);
        String jwks = jwks((RSAPublicKey) pair.getPublic());
        cached = authorizer(jwks, Duration.ofSeconds(300));
        uncached = authorizer(jwks, Duration.ZERO);
        if (warmCache() == null || fullVerification() == null) {
            throw new IllegalStateException("the benchmark token is not accepted");
        }
    }

    @Benchmark
    public VerifiedToken warmCache() {
        return outcome(cached.authorize(header, requirement));
    }

    @Benchmark
    public VerifiedToken fullVerification() {
        return outcome(uncached.authorize(header, requirement));
    }

    /**
     * The item, taken as the request filter takes it: by subscribing (both paths here complete
     * synchronously), not through {@code await()}, whose latch the request path never pays.
     */
    private static VerifiedToken outcome(Uni<VerifiedToken> decision) {
        VerifiedToken[] item = new VerifiedToken[1];
        boolean[] done = new boolean[1];
        decision.subscribe()
                .with(
                        token -> {
                            item[0] = token;
                            done[0] = true;
                        },
                        failure -> {
                            throw new IllegalStateException(failure);
                        });
        if (!done[0]) {
            throw new IllegalStateException("the decision did not complete synchronously");
        }
        return item[0];
    }

    private static CognitoAuthorizer authorizer(String jwks, Duration ttl) {
        JwksKeys keys =
                new JwksKeys(
                        () -> Uni.createFrom().item(jwks),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(1));
        keys.refresh().await().indefinitely();
        return new CognitoAuthorizer(
                new TokenVerifier(ISSUER, Duration.ofSeconds(60), Clock.systemUTC()),
                keys,
                ttl,
                10_000,
                16_384,
                Clock.systemUTC());
    }

    private static String token(KeyPair pair) throws Exception {
        long now = Instant.now().getEpochSecond();
        String claims =
                "{\"sub\":\"5f2c1b7e-6a0d-4c3e-9b8a-1d2e3f4a5b6c\",\"email_verified\":true,"
                        + "\"iss\":\""
                        + ISSUER
                        + "\",\"cognito:username\":\"alice\","
                        + "\"origin_jti\":\"0b7c9d5e-1f2a-4b3c-8d4e-5f6a7b8c9d0e\",\"aud\":\""
                        + CLIENT
                        + "\",\"event_id\":\"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d\","
                        + "\"token_use\":\"id\",\"auth_time\":"
                        + now
                        + ",\"exp\":"
                        + (now + 3600)
                        + ",\"iat\":"
                        + now
                        + ",\"jti\":\"2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e\","
                        + "\"email\":\"alice@example.com\",\"given_name\":\"Alice\","
                        + "\"family_name\":\"Example\"}";
        String input =
                B64URL.encodeToString(
                                ("{\"kid\":\"" + KID + "\",\"alg\":\"RS256\"}")
                                        .getBytes(StandardCharsets.UTF_8))
                        + "."
                        + B64URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(pair.getPrivate());
        rsa.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + B64URL.encodeToString(rsa.sign());
    }

    private static String jwks(RSAPublicKey key) {
        return "{\"keys\":[{\"alg\":\"RS256\",\"e\":\""
                + B64URL.encodeToString(unsigned(key.getPublicExponent().toByteArray()))
                + "\",\"kid\":\""
                + KID
                + "\",\"kty\":\"RSA\",\"n\":\""
                + B64URL.encodeToString(unsigned(key.getModulus().toByteArray()))
                + "\",\"use\":\"sig\"}]}";
    }

    private static byte[] unsigned(byte[] bytes) {
        return bytes.length > 1 && bytes[0] == 0
                ? Arrays.copyOfRange(bytes, 1, bytes.length)
                : bytes;
    }
}
