package dev.gatehouse.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The hostile-input suite: launches the packaged services once (deploy/local/up.sh), fires every
 * row of the tables at them, then checks what no caller may ever get: a 5xx, no answer within 5 s,
 * a 2xx where AWS refuses, a secret or a stack trace (in an answer or a log line), an answer that
 * tells a real user from an unknown one, or Redis growing with anonymous requests.
 * docs/hostile-inputs.md says how to add a row.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputSuiteTest {

    static final long DEADLINE_MILLIS = 5_000;
    static final int PARALLEL = 6;

    /** More than the legitimate work of the run; less than the bursts below if kept unbounded. */
    static final long REDIS_GROWTH_BOUND = 1_500_000;

    LaunchedSuite suite;
    List<String> secrets;
    long redisBefore;
    final Map<HostileCase, Answer> answers = new LinkedHashMap<>();

    /** What each case sent: a value the caller sent itself may come back (AWS echoes some). */
    final Map<HostileCase, String> sent = new java.util.concurrent.ConcurrentHashMap<>();

    final long started = System.nanoTime();

    static List<HostileCase> cases() {
        List<HostileCase> all = new ArrayList<>();
        all.addAll(SigV4HeaderCases.all());
        all.addAll(SigV4SignedCases.all());
        all.addAll(PresignedCases.all());
        all.addAll(ApiKeyCases.all());
        all.addAll(JwtCases.all());
        all.addAll(CognitoFieldCases.all());
        all.addAll(CognitoProtocolCases.all());
        all.addAll(CognitoTokenCases.all());
        all.addAll(JsonBodyCases.all());
        all.addAll(ManagementCases.all());
        all.addAll(HttpFramingCases.all());
        all.addAll(OAuthCases.all());
        return all;
    }

    @BeforeAll
    void launchAndFire() throws Exception {
        suite = LaunchedSuite.start(Path.of("target", "hostile-run").toAbsolutePath());
        secrets = suite.secrets();
        redisBefore = RedisMemory.used(suite.redis, suite.redisPassword());
        long firing = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            Map<HostileCase, Future<Answer>> pending = new LinkedHashMap<>();
            for (HostileCase c : cases()) {
                pending.put(
                        c,
                        pool.submit(
                                () -> {
                                    Probe probe = c.probe().apply(suite);
                                    sent.put(
                                            c,
                                            new String(
                                                    probe.wire(),
                                                    java.nio.charset.StandardCharsets.ISO_8859_1));
                                    return RawHttp.send(probe, DEADLINE_MILLIS);
                                }));
            }
            for (Map.Entry<HostileCase, Future<Answer>> e : pending.entrySet()) {
                answers.put(e.getKey(), e.getValue().get());
            }
        } finally {
            pool.shutdownNow();
        }
        writeReport(Path.of("target", "hostile-report.tsv"));
        System.out.printf(
                "hostile suite: launched in %d s, %d cases answered in %d s%n",
                (firing - started) / 1_000_000_000,
                answers.size(),
                (System.nanoTime() - firing) / 1_000_000_000);
    }

    /** Every case and what it got, one line each, for reading a failed run. */
    private void writeReport(Path file) throws java.io.IOException {
        StringBuilder out = new StringBuilder("table\tcase\texpected\tstatus\tms\n");
        answers.forEach(
                (c, a) ->
                        out.append(c.table())
                                .append('\t')
                                .append(c.name().replaceAll("\\s", " "))
                                .append('\t')
                                .append(c.expect().label)
                                .append('\t')
                                .append(a.status())
                                .append('\t')
                                .append(a.millis())
                                .append('\n'));
        java.nio.file.Files.writeString(file, out);
    }

    @AfterAll
    void stop() throws Exception {
        if (suite != null) {
            suite.close();
        }
        System.out.printf(
                "hostile suite: %d s in all%n", (System.nanoTime() - started) / 1_000_000_000);
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> everyHostileInputIsAnsweredAsAwsWould() {
        return answers.entrySet().stream()
                .map(
                        e ->
                                DynamicTest.dynamicTest(
                                        e.getKey().toString(),
                                        () -> check(e.getKey(), e.getValue())));
    }

    private void check(HostileCase c, Answer a) {
        String at = c + ": ";
        assertTrue(
                a.status() != Answer.NO_ANSWER,
                at + "no answer within 5 s (" + a.millis() + " ms)");
        assertTrue(
                a.status() != Answer.CLOSED || c.expect() == Expect.REFUSED_OR_CLOSED,
                at + "connection closed without an answer: " + a.body());
        assertTrue(a.status() < 500, at + "a server error: " + a.describe());
        assertTrue(
                c.expect().accepts(a.status()),
                at + "expected " + c.expect().label + ", got " + a.describe());
        List<String> leaks = Leaks.inAnswer(a, secrets, sent.get(c));
        assertTrue(leaks.isEmpty(), at + leaks + ": " + a.describe());
    }

    @Test
    @Order(2)
    void theTablesHoldAtLeast250HostileInputs() {
        long hostile = cases().stream().filter(c -> c.expect() != Expect.SUCCESS).count();
        System.out.printf(
                "hostile suite: %d hostile inputs, %d controls%n",
                hostile, cases().size() - hostile);
        assertTrue(hostile >= 250, hostile + " hostile inputs");
    }

    @Test
    @Order(3)
    void anUnsignedCallerCannotTellAValidApiKey() {
        assertEquals(
                UserEnumeration.outcome(answer("api-key", "unsigned with an unknown key")),
                UserEnumeration.outcome(answer("api-key", "unsigned with a valid key")));
    }

    @Test
    @Order(4)
    void confirmForgotPasswordIsTheSameForRealAndUnknownUsers() {
        UserEnumeration e = new UserEnumeration(suite);
        assertEquals(
                e.confirmForgotPassword(UserEnumeration.UNKNOWN),
                e.confirmForgotPassword(LaunchedSuite.USER));
    }

    @Test
    @Order(5)
    void srpStepOneIsTheSameForRealAndUnknownUsers() throws Exception {
        UserEnumeration e = new UserEnumeration(suite);
        assertEquals(e.srpStep1(UserEnumeration.UNKNOWN), e.srpStep1(LaunchedSuite.USER));
    }

    @Test
    @Order(6)
    void forgotPasswordIsTheSameForRealAndUnknownUsersUpToItsHourlyLimit() throws Exception {
        UserEnumeration e = new UserEnumeration(suite);
        List<String> real = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            real.add(e.forgotPassword(LaunchedSuite.USER));
            unknown.add(e.forgotPassword(UserEnumeration.UNKNOWN));
        }
        assertEquals(
                real.stream().map(UserEnumeration::maskShape).toList(),
                unknown.stream().map(UserEnumeration::maskShape).toList());
        assertEquals(
                1,
                unknown.stream().filter(o -> o.startsWith("200")).distinct().count(),
                "the same name gets the same destination: " + unknown);
        List<String> domains = new ArrayList<>();
        for (String name :
                List.of("hostile-nob01", "hostile-nob02", "hostile-nob03", "hostile-nob04")) {
            domains.add(e.forgotPassword(name).replaceAll(".*@", ""));
        }
        assertTrue(
                domains.stream().distinct().count() > 1,
                "a simulated destination that never changes is a tell: " + domains);
    }

    @Test
    @Order(7)
    void wrongPasswordsAndTheLockoutAreTheSameForRealAndUnknownUsers() throws Exception {
        UserEnumeration e = new UserEnumeration(suite);
        assertEquals(
                e.wrongProofs(UserEnumeration.UNKNOWN, 7), e.wrongProofs(LaunchedSuite.USER, 7));
    }

    @Test
    @Order(8)
    void anonymousRequestsDoNotGrowRedis() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        List<Future<Answer>> burst = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            burst.add(
                    pool.submit(
                            () ->
                                    suite.send(
                                            suite.cognito(
                                                    "InitiateAuth",
                                                    CognitoBodies.initiate(
                                                            suite.webClient,
                                                            "USER_SRP_AUTH",
                                                            "f".repeat(40_000))))));
        }
        for (int i = 0; i < 30; i++) {
            String name = "burst-" + i + "-" + System.nanoTime();
            String big = "b".repeat(20_000);
            burst.add(
                    pool.submit(
                            () ->
                                    suite.send(
                                            suite.cognito(
                                                    "SignUp",
                                                    CognitoBodies.signUp(
                                                                    suite.webClient,
                                                                    name,
                                                                    "Correct-Horse-1",
                                                                    name + "@example.com")
                                                            .replace("\"Ada\"", "\"" + big + "\"")
                                                            .replace(
                                                                    "\"Lovelace\"",
                                                                    "\"" + big + "\"")))));
        }
        for (Future<Answer> f : burst) {
            assertTrue(f.get().status() < 500, f.get().describe());
        }
        pool.shutdownNow();
        long after = RedisMemory.used(suite.redis, suite.redisPassword());
        System.out.printf("hostile suite: Redis used_memory %d -> %d bytes%n", redisBefore, after);
        assertTrue(
                after - redisBefore < REDIS_GROWTH_BOUND,
                "Redis grew by " + (after - redisBefore) + " bytes");
    }

    @Test
    @Order(9)
    void noLogLineHoldsAStackTraceOrASecret() throws Exception {
        List<String> found = Leaks.inLogs(suite.runDir.resolve("logs"), secrets);
        assertTrue(
                found.isEmpty(),
                found.size()
                        + " log lines:\n"
                        + String.join("\n", found.subList(0, Math.min(40, found.size()))));
    }

    private Answer answer(String table, String name) {
        return answers.entrySet().stream()
                .filter(e -> e.getKey().table().equals(table) && e.getKey().name().equals(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow();
    }
}
