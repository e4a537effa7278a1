package dev.gatehouse.auth.iam.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.auth.iam.config.IamConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Startup validation of the principals: every error names its property, and stops startup. */
class PrincipalCatalogTest {

    @TempDir Path dir;

    @Test
    void loadsPrincipalsWithFileAndInlinePolicies() throws Exception {
        Files.writeString(
                dir.resolve("read.json"),
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                        + "\"Action\":\"execute-api:Invoke\",\"Resource\":\"*\"}}");
        PrincipalCatalog catalog =
                PrincipalCatalog.from(
                        config(
                                "123456789012",
                                Map.of(
                                        "svc",
                                        principal(
                                                "arn:aws:iam::123456789012:role/path/svc",
                                                List.of("read.json"),
                                                "{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}",
                                                null,
                                                null))));
        IamPrincipal svc = catalog.principal("svc").orElseThrow();
        assertEquals(2, svc.policies().size());
        assertTrue(svc.role());
        assertEquals("svc", svc.simpleName());
        assertTrue(svc.uniqueId().startsWith("AROA"));
    }

    @Test
    void everyErrorNamesItsPropertyAndHidesSecrets() {
        var e =
                assertThrows(
                        IllegalStateException.class,
                        () ->
                                PrincipalCatalog.from(
                                        config(
                                                "12345",
                                                Map.of(
                                                        "bad",
                                                        principal(
                                                                "arn:aws:iam::123456789012:group/x",
                                                                List.of("missing.json"),
                                                                "{\"Statement\":[]",
                                                                "AKIA-not-an-id",
                                                                "tooShortSecretValue")))));
        String message = e.getMessage();
        assertTrue(message.contains("gatehouse.account-id must be 12 digits"), message);
        assertTrue(message.contains("gatehouse.iam.principals.bad.arn"), message);
        assertTrue(message.contains("gatehouse.iam.principals.bad.access-key-id"), message);
        assertTrue(message.contains("gatehouse.iam.principals.bad.secret-access-key"), message);
        assertTrue(message.contains("gatehouse.iam.principals.bad.policy-files: cannot read"));
        assertTrue(message.contains("gatehouse.iam.principals.bad.policy: "), message);
        assertFalse(message.contains("tooShortSecretValue"), message);
    }

    @Test
    void aSecretNeedsItsAccessKeyId() {
        var e =
                assertThrows(
                        IllegalStateException.class,
                        () ->
                                PrincipalCatalog.from(
                                        config(
                                                "123456789012",
                                                Map.of(
                                                        "p",
                                                        principal(
                                                                "arn:aws:iam::123456789012:user/p",
                                                                List.of(),
                                                                null,
                                                                null,
                                                                "x".repeat(40))))));
        assertTrue(e.getMessage().contains("secret-access-key needs access-key-id"));
    }

    private IamConfig.Principal principal(
            String arn, List<String> files, String inline, String id, String secret) {
        return new IamConfig.Principal() {
            public String arn() {
                return arn;
            }

            public Optional<List<String>> policyFiles() {
                return files.isEmpty() ? Optional.empty() : Optional.of(files);
            }

            public Optional<String> policy() {
                return Optional.ofNullable(inline);
            }

            public Optional<String> accessKeyId() {
                return Optional.ofNullable(id);
            }

            public Optional<String> secretAccessKey() {
                return Optional.ofNullable(secret);
            }

            public Optional<String> assumeRolePolicyDocument() {
                return Optional.empty();
            }
        };
    }

    private IamConfig config(String account, Map<String, IamConfig.Principal> principals) {
        return new IamConfig() {
            public boolean enabled() {
                return true;
            }

            public String region() {
                return "us-east-1";
            }

            public String accountId() {
                return account;
            }

            public String apiId() {
                return "api";
            }

            public String stage() {
                return "dev";
            }

            public Optional<String> masterKey() {
                return Optional.empty();
            }

            public boolean echoCanonicalRequest() {
                return true;
            }

            public Duration credentialCacheTtl() {
                return Duration.ofSeconds(10);
            }

            public Duration redisTimeout() {
                return Duration.ofSeconds(1);
            }

            public Optional<Path> revealFile() {
                return Optional.empty();
            }

            public Optional<List<String>> hosts() {
                return Optional.empty();
            }

            public boolean replayProtection() {
                return false;
            }

            public Path policyDir() {
                return dir;
            }

            public Map<String, Principal> principals() {
                return principals;
            }
        };
    }
}
