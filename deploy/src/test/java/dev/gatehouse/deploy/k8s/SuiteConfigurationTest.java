package dev.gatehouse.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The suite configuration Kubernetes ships (the rendered ConfigMap {@code gatehouse-suite}): the
 * launcher's policies byte for byte, the launcher's plans, keys, principals and subscriptions, URLs
 * of the cluster's Services, an issuer that is identity-service's pool, and secrets only as
 * references to variables the Deployments take from Secrets.
 */
class SuiteConfigurationTest {

    static final Path ROOT = KubernetesManifestsTest.ROOT;
    static final String FILE = "gatehouse.properties";

    /** Principals of the launcher's file that the cluster does not declare (a demo one). */
    static final Set<String> LAUNCHER_ONLY_PRINCIPALS = Set.of("nobody");

    static RenderedManifests k8s;
    static ConfigMap suite;
    static SuiteProperties cluster;
    static SuiteProperties launcher;

    @BeforeAll
    static void render() throws Exception {
        k8s = RenderedManifests.suite();
        suite = k8s.generatedConfigMap("gatehouse-suite");
        String config =
                RenderedManifests.env(k8s.container("stores-service"), "GATEHOUSE_CONFIG")
                        .getValue();
        // What SuiteConfigSourceFactory adds: the directory the file is read from.
        cluster =
                SuiteProperties.parse(
                        suite.getData().get(FILE),
                        Map.of("gatehouse.suite-dir", Path.of(config).getParent().toString()));
        launcher =
                SuiteProperties.parse(
                        Files.readString(ROOT.resolve("deploy/local/" + FILE)),
                        Map.of("gatehouse.suite-dir", ROOT.resolve("deploy/local").toString()));
    }

    static Set<String> jsonFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void policiesAreTheLaunchersByteForByte() throws IOException {
        Path local = ROOT.resolve("deploy/local/policies");
        Path copies = ROOT.resolve("deploy/k8s/suite/policies");
        Set<String> names = jsonFiles(local);
        assertFalse(names.isEmpty());
        assertEquals(names, jsonFiles(copies), "deploy/k8s/suite/policies: run generate.sh");
        for (String name : names) {
            assertEquals(
                    -1L,
                    Files.mismatch(local.resolve(name), copies.resolve(name)),
                    name + " differs from deploy/local/policies: run deploy/k8s/generate.sh");
        }
        Map<String, String> shipped = new TreeMap<>(suite.getData());
        shipped.remove(FILE);
        assertEquals(names, shipped.keySet(), "kustomization.yaml lists every policy file");
        for (String name : names) {
            assertEquals(Files.readString(local.resolve(name)), shipped.get(name), name);
        }
        assertTrue(suite.getBinaryData() == null || suite.getBinaryData().isEmpty());
    }

    @Test
    void everyPolicyFileAPrincipalNamesIsShippedWhereItIsLookedFor() {
        Path dir = Path.of(cluster.resolved("gatehouse.iam.policy-dir"));
        String config =
                RenderedManifests.env(k8s.container("stores-service"), "GATEHOUSE_CONFIG")
                        .getValue();
        assertEquals(Path.of(config).getParent(), dir, "policies sit next to the suite file");
        for (String principal : cluster.names("gatehouse.iam.principals.")) {
            String files =
                    cluster.raw()
                            .getOrDefault(
                                    "gatehouse.iam.principals." + principal + ".policy-files", "");
            for (String file : files.split(",")) {
                if (!file.isBlank()) {
                    assertTrue(suite.getData().containsKey(file.trim()), principal + " " + file);
                }
            }
        }
    }

    @Test
    void plansKeysPrincipalsAndSubscriptionsAreTheLaunchers() {
        for (String key : List.of("gatehouse.region", "gatehouse.account-id")) {
            assertEquals(launcher.resolved(key), cluster.resolved(key), key);
        }
        assertEquals(
                under(launcher, "gatehouse.usage-plans."),
                under(cluster, "gatehouse.usage-plans."));
        Set<String> keys = launcher.names("gatehouse.api-keys.");
        assertEquals(keys, cluster.names("gatehouse.api-keys."));
        for (String key : keys) {
            String plan = "gatehouse.api-keys." + key + ".plan";
            assertEquals(launcher.raw().get(plan), cluster.raw().get(plan), plan);
        }
        Set<String> principals = new TreeSet<>(launcher.names("gatehouse.iam.principals."));
        principals.removeAll(LAUNCHER_ONLY_PRINCIPALS);
        assertEquals(principals, cluster.names("gatehouse.iam.principals."));
        for (String principal : principals) {
            for (String field : List.of("arn", "policy-files")) {
                String key = "gatehouse.iam.principals." + principal + "." + field;
                assertEquals(launcher.resolved(key), cluster.resolved(key), key);
            }
        }
        Set<String> subscriptions = launcher.names("gatehouse.fanout.subscriptions.");
        assertEquals(subscriptions, cluster.names("gatehouse.fanout.subscriptions."));
        for (String name : subscriptions) {
            for (String field : List.of("event-type", "kind")) {
                String key = "gatehouse.fanout.subscriptions." + name + "." + field;
                assertEquals(launcher.raw().get(key), cluster.raw().get(key), key);
            }
        }
    }

    static Map<String, String> under(SuiteProperties file, String prefix) {
        Map<String, String> found = new TreeMap<>();
        file.raw()
                .forEach(
                        (k, v) -> {
                            if (k.startsWith(prefix)) {
                                found.put(k, v);
                            }
                        });
        return found;
    }

    static final Pattern SECRET_PROPERTY =
            Pattern.compile(
                    "(?:.*\\.)?(value|access-key-id|secret-access-key|master-key|password|username"
                            + "|client-secret|encryption-secret|token-signature-key)");
    static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):}");

    @Test
    void secretsAreReferencesToVariablesTheDeploymentsTakeFromSecrets() {
        Set<String> variables = new TreeSet<>();
        cluster.raw()
                .forEach(
                        (key, value) -> {
                            if (SECRET_PROPERTY.matcher(key).matches()) {
                                Matcher reference = ENV_REFERENCE.matcher(value);
                                assertTrue(reference.matches(), key + " must be ${VARIABLE:}");
                                variables.add(reference.group(1));
                            }
                        });
        // Every principal's keys and every API key value are supplied (no reveal file here).
        for (String principal : cluster.names("gatehouse.iam.principals.")) {
            for (String field : List.of("access-key-id", "secret-access-key")) {
                assertTrue(
                        cluster.raw()
                                .containsKey("gatehouse.iam.principals." + principal + "." + field),
                        principal + " " + field);
            }
        }
        for (String key : cluster.names("gatehouse.api-keys.")) {
            assertTrue(cluster.raw().containsKey("gatehouse.api-keys." + key + ".value"), key);
        }
        assertFalse(variables.isEmpty());
        for (String variable : variables) {
            List<String> from =
                    RenderedManifests.SERVICES.stream()
                            .filter(service -> fromSecret(k8s.container(service), variable))
                            .toList();
            if (variable.startsWith("GATEHOUSE_IAM_")) {
                // Every service verifies SigV4 and provisions the principals.
                assertEquals(
                        new TreeSet<>(RenderedManifests.SERVICES), new TreeSet<>(from), variable);
            } else if (variable.endsWith("_CLIENT_SECRET")) {
                // App client secrets: identity-service holds them (GenerateSecret, supplied).
                assertTrue(
                        from.contains("identity-service"), variable + " reaches identity-service");
            } else {
                // API keys: stores-service is the only one with keyed routes.
                assertTrue(from.contains("stores-service"), variable + " reaches stores-service");
            }
        }
    }

    static boolean fromSecret(Container c, String variable) {
        return c.getEnv().stream()
                .filter(e -> e.getName().equals(variable))
                .map(EnvVar::getValueFrom)
                .anyMatch(v -> v != null && v.getSecretKeyRef() != null);
    }

    @Test
    void webhooksAndTheIssuerNameServicesOfTheCluster() {
        Set<String> services =
                k8s.all(Service.class).stream()
                        .map(s -> s.getMetadata().getName())
                        .collect(Collectors.toSet());
        for (String name : cluster.names("gatehouse.fanout.subscriptions.")) {
            String key = "gatehouse.fanout.subscriptions." + name + ".url";
            if (cluster.raw().containsKey(key)) {
                URI url = URI.create(cluster.resolved(key));
                assertTrue(services.contains(url.getHost()), key + ": " + url);
                assertEquals(-1, url.getPort(), key + ": the Service's port 80");
                assertEquals("/notifications", url.getPath(), key);
            }
        }
        String region = cluster.resolved("gatehouse.region");
        String poolId = cluster.resolved("gatehouse.identity.pool-id");
        assertTrue(poolId.matches(Pattern.quote(region) + "_[0-9A-Za-z]{9}"), poolId);
        String base = cluster.resolved("gatehouse.identity.issuer-base");
        assertEquals("http://identity-service", base);
        assertEquals(
                80,
                k8s.named(Service.class, "identity-service").getSpec().getPorts().get(0).getPort());
        assertEquals(base + "/" + poolId, cluster.resolved("gatehouse.cognito.issuer"));
        // One value for every service: no Deployment overrides them from its environment.
        for (String service : RenderedManifests.SERVICES) {
            for (String variable :
                    List.of(
                            "GATEHOUSE_COGNITO_ISSUER",
                            "GATEHOUSE_IDENTITY_ISSUER_BASE",
                            "GATEHOUSE_IDENTITY_POOL_ID",
                            "GATEHOUSE_REGION")) {
                assertNull(
                        k8s.container(service).getEnv().stream()
                                .filter(e -> e.getName().equals(variable))
                                .findFirst()
                                .orElse(null),
                        service + " " + variable);
            }
        }
    }
}
