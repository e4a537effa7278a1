package dev.gatehouse.identity.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.identity.SmtpTestResource;
import dev.gatehouse.identity.TestUsers;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.srp.SrpClient;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.net.URL;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;

/**
 * Under {@code PreventUserExistenceErrors=ENABLED} (the seed's {@code web} client), operation by
 * operation, an unknown name gets the answers a real user gets: the same error types and messages,
 * the same quotas and lockout, delivery destinations and SRP challenges of the same shape, and the
 * same Redis commands. Driven by the AWS SDK v2.
 */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class UserExistenceParityTest {

    private static final String MASKED = "^(.)\\*\\*\\*@.\\*\\*\\*$";

    @TestHTTPResource("/")
    URL url;

    @Inject UserPool pool;
    @Inject RedisDataSource redis;

    TestUsers users;

    @BeforeEach
    void users() {
        users = new TestUsers(url, pool);
    }

    private CognitoIdentityProviderClient cognito() {
        return users.cognito();
    }

    private String web() {
        return users.client("web");
    }

    /** What an unauthenticated caller sees of a call: "OK" or the error's type and message. */
    private static String outcome(Supplier<?> call) {
        try {
            call.get();
            return "OK";
        } catch (CognitoIdentityProviderException e) {
            return e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
        }
    }

    private String forgot(String name) {
        return cognito()
                .forgotPassword(r -> r.clientId(web()).username(name))
                .codeDeliveryDetails()
                .destination();
    }

    private String confirmForgot(String name, String code) {
        return outcome(
                () ->
                        cognito()
                                .confirmForgotPassword(
                                        r ->
                                                r.clientId(web())
                                                        .username(name)
                                                        .confirmationCode(code)
                                                        .password("Battery-Staple-2")));
    }

    /**
     * Calls {@code call} until it fails (at most 20 times): how many succeeded, and the failure.
     */
    private static String untilRefused(Supplier<?> call) {
        for (int calls = 0; calls < 20; calls++) {
            String outcome = outcome(call);
            if (!outcome.equals("OK")) {
                return calls + " then " + outcome;
            }
        }
        return "never refused";
    }

    @Test
    void forgotPasswordAnswersTheSameForRealAndUnknownUsers() {
        users.register("grace", "grace@example.com", true);

        // No code pending: the same answer.
        assertThat(confirmForgot("ghost", "123456"))
                .isEqualTo(confirmForgot("grace", "123456"))
                .startsWith("ExpiredCodeException: ");

        // A delivery: a real user's masked address, a simulated one of the same shape, stable.
        String real = forgot("grace");
        String simulated = forgot("ghost");
        assertThat(real).matches(MASKED).startsWith("g");
        assertThat(simulated).matches(MASKED).startsWith("g").isEqualTo(forgot("ghost"));
        assertThat(simulated).isNotEqualTo("x***@e***");
        assertThat(forgot("gone@example.com"))
                .isEqualTo(forgot("grace@example.com"))
                .isEqualTo("g***@e***");

        // A code pending, a wrong one offered: the same answer.
        assertThat(confirmForgot("ghost", "000000"))
                .isEqualTo(confirmForgot("grace", "000000"))
                .startsWith("CodeMismatchException: ");

        // The hourly limit (5) holds for both: grace and ghost have used 2 each.
        assertThat(untilRefused(() -> forgot("ghost")))
                .isEqualTo(untilRefused(() -> forgot("grace")))
                .isEqualTo(
                        "3 then LimitExceededException: Attempt limit exceeded, please try after"
                                + " some time.");
    }

    @Test
    void resendConfirmationCodeAnswersTheSameForRealAndUnknownUsers() {
        users.register("ursula", "ursula@example.com", false);
        Supplier<String> real =
                () ->
                        cognito()
                                .resendConfirmationCode(r -> r.clientId(web()).username("ursula"))
                                .codeDeliveryDetails()
                                .destination();
        Supplier<String> unknown =
                () ->
                        cognito()
                                .resendConfirmationCode(r -> r.clientId(web()).username("umberto"))
                                .codeDeliveryDetails()
                                .destination();
        assertThat(real.get()).matches(MASKED).startsWith("u").isEqualTo(real.get());
        assertThat(unknown.get()).matches(MASKED).startsWith("u").isEqualTo(unknown.get());
        assertThat(untilRefused(unknown)).isEqualTo(untilRefused(real)).startsWith("3 then ");
    }

    private InitiateAuthResponse srpStart(String name, SrpClient srp) {
        return cognito()
                .initiateAuth(
                        r ->
                                r.clientId(web())
                                        .authFlow(AuthFlowType.USER_SRP_AUTH)
                                        .authParameters(
                                                Map.of(
                                                        "USERNAME",
                                                        name,
                                                        "SRP_A",
                                                        srp.clientPublic().toString(16))));
    }

    private static SrpClient srpClient(UserPool pool) {
        return new SrpClient(
                pool.poolName(), new BigInteger(1, new SecureRandom().generateSeed(128)));
    }

    @Test
    void srpChallengesLookAlike() {
        users.register("gwen", "gwen@example.com", true);
        SrpClient srp = srpClient(pool);
        Map<String, String> real = srpStart("GWEN", srp).challengeParameters();
        Map<String, String> unknown = srpStart("GWYN", srp).challengeParameters();
        assertThat(real.get("USER_ID_FOR_SRP")).isEqualTo("gwen");
        assertThat(unknown.get("USER_ID_FOR_SRP")).isEqualTo("gwyn");
        for (Map<String, String> challenge : List.of(real, unknown)) {
            assertThat(challenge.keySet())
                    .containsExactlyInAnyOrder(
                            "SALT", "SECRET_BLOCK", "SRP_B", "USERNAME", "USER_ID_FOR_SRP");
            assertThat(challenge.get("USERNAME")).isEqualTo(challenge.get("USER_ID_FOR_SRP"));
            assertThat(challenge.get("SALT")).matches("[0-9a-f]{20,32}");
            assertThat(challenge.get("SRP_B")).matches("[0-9a-f]{700,768}");
        }
        assertThat(unknown.get("SECRET_BLOCK")).hasSameSizeAs(real.get("SECRET_BLOCK"));
        assertThat(srpStart("gwyn", srp).challengeParameters().get("SALT"))
                .isEqualTo(unknown.get("SALT"));
        assertThat(srpStart("gwen", srp).challengeParameters().get("SALT"))
                .isEqualTo(real.get("SALT"));
    }

    private Object srpAnswer(Map<String, String> responses) {
        return cognito()
                .respondToAuthChallenge(
                        r ->
                                r.clientId(web())
                                        .challengeName(ChallengeNameType.PASSWORD_VERIFIER)
                                        .challengeResponses(responses));
    }

    /** Wrong-password SRP sign-ins until one is refused at step 1 or 2: the answers in order. */
    private List<String> failUntilLocked(String name) {
        List<String> answers = new ArrayList<>();
        for (int attempt = 0; attempt < 10; attempt++) {
            SrpClient srp = srpClient(pool);
            InitiateAuthResponse[] challenge = new InitiateAuthResponse[1];
            String start = outcome(() -> challenge[0] = srpStart(name, srp));
            if (!start.equals("OK")) {
                answers.add("start " + start);
                return answers;
            }
            Map<String, String> parameters = challenge[0].challengeParameters();
            String userId = parameters.get("USER_ID_FOR_SRP");
            String timestamp = SrpClient.timestamp(Instant.now());
            String signature =
                    srp.signature(
                            userId,
                            "Wrong-Password-9",
                            parameters.get("SALT"),
                            parameters.get("SRP_B"),
                            Base64.getDecoder().decode(parameters.get("SECRET_BLOCK")),
                            timestamp);
            Map<String, String> responses =
                    Map.of(
                            "USERNAME", userId,
                            "PASSWORD_CLAIM_SECRET_BLOCK", parameters.get("SECRET_BLOCK"),
                            "TIMESTAMP", timestamp,
                            "PASSWORD_CLAIM_SIGNATURE", signature);
            answers.add("answer " + outcome(() -> srpAnswer(responses)));
        }
        return answers;
    }

    @Test
    void unknownNamesAreLockedOutLikeRealUsers() {
        users.register("lena", "lena@example.com", true);
        List<String> real = failUntilLocked("lena");
        List<String> unknown = failUntilLocked("leon");
        assertThat(unknown).isEqualTo(real);
        assertThat(real)
                .hasSize(6)
                .endsWith("start NotAuthorizedException: Password attempts exceeded");
        assertThat(real.get(0))
                .isEqualTo("answer NotAuthorizedException: Incorrect username or password.");
    }

    /** The Redis commands (and how many of each) that {@code call} causes. */
    private Map<String, Long> redisCommands(Runnable call) {
        Map<String, Long> before = commandStats();
        call.run();
        Map<String, Long> after = commandStats();
        Map<String, Long> delta = new TreeMap<>();
        after.forEach(
                (command, calls) -> {
                    long more = calls - before.getOrDefault(command, 0L);
                    if (more > 0 && !command.equals("info")) {
                        delta.put(command, more);
                    }
                });
        return delta;
    }

    private Map<String, Long> commandStats() {
        Map<String, Long> stats = new TreeMap<>();
        for (String line : redis.execute("INFO", "commandstats").toString().split("\r?\n")) {
            if (line.startsWith("cmdstat_")) {
                String command = line.substring("cmdstat_".length(), line.indexOf(':'));
                String calls = line.substring(line.indexOf("calls=") + 6);
                stats.put(command, Long.parseLong(calls.substring(0, calls.indexOf(','))));
            }
        }
        return stats;
    }

    @Test
    void redisDoesTheSameWorkForRealAndUnknownUsers() {
        users.register("rhea", "rhea@example.com", true);
        users.register("rita", "rita@example.com", true);

        Map<String, Long> real = redisCommands(() -> forgot("rhea"));
        assertThat(redisCommands(() -> forgot("roan"))).isEqualTo(real).containsKey("setex");
        assertThat(redisCommands(() -> forgot("rolf@example.com")))
                .isEqualTo(redisCommands(() -> forgot("rita@example.com")));
        assertThat(redisCommands(() -> confirmForgot("roan", "000000")))
                .isEqualTo(redisCommands(() -> confirmForgot("rhea", "000000")));
        SrpClient srp = srpClient(pool);
        assertThat(redisCommands(() -> srpStart("roan", srp)))
                .isEqualTo(redisCommands(() -> srpStart("rhea", srp)));
    }
}
