package dev.gatehouse.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s as {@code kubectl kustomize} renders it, loaded with the fabric8 Kubernetes model:
 * probes, resources, secrets by reference only, the stores-service autoscaler, a Host-preserving
 * Ingress, and fanout-service reachable only from inside the namespace.
 */
class KubernetesManifestsTest {

    static final Path ROOT = Path.of(System.getProperty("gatehouse.root", "..")).toAbsolutePath();
    static final Set<String> SERVICES =
            Set.of("stores-service", "index-service", "identity-service", "fanout-service");
    static final Pattern SECRET_NAME = Pattern.compile("(?i).*(KEY|SECRET|PASSWORD|TOKEN).*");

    static List<HasMetadata> objects;

    @BeforeAll
    static void render() throws Exception {
        // .ci/run installs kubectl (a Debian package); a machine without it cannot render.
        Assumptions.assumeTrue(
                RenderedManifests.kubectlAvailable(),
                "kubectl is not installed (apt-get install kubectl): cannot render deploy/k8s");
        objects = RenderedManifests.parse(RenderedManifests.render(ROOT.resolve("deploy/k8s")));
    }

    static <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static <T extends HasMetadata> T named(Class<T> type, String name) {
        return all(type).stream()
                .filter(o -> o.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }

    static Map<String, PodSpec> workloads() {
        Map<String, PodSpec> pods = new java.util.TreeMap<>();
        all(Deployment.class)
                .forEach(
                        d ->
                                pods.put(
                                        d.getMetadata().getName(),
                                        d.getSpec().getTemplate().getSpec()));
        all(StatefulSet.class)
                .forEach(
                        s ->
                                pods.put(
                                        s.getMetadata().getName(),
                                        s.getSpec().getTemplate().getSpec()));
        return pods;
    }

    @Test
    void rendersEveryServiceAndRedis() {
        Set<String> expected = new TreeSet<>(SERVICES);
        expected.add("redis");
        assertEquals(expected, workloads().keySet());
        for (String service : SERVICES) {
            assertEquals("ClusterIP", named(Service.class, service).getSpec().getType(), service);
        }
    }

    @Test
    void everyContainerHasProbesAndResourceLimits() {
        workloads()
                .forEach(
                        (name, pod) -> {
                            for (Container c : pod.getContainers()) {
                                assertNotNull(c.getLivenessProbe(), name + " liveness");
                                assertNotNull(c.getReadinessProbe(), name + " readiness");
                                for (String resource : List.of("cpu", "memory")) {
                                    assertNotNull(
                                            c.getResources().getRequests().get(resource),
                                            name + " requests " + resource);
                                    assertNotNull(
                                            c.getResources().getLimits().get(resource),
                                            name + " limits " + resource);
                                }
                            }
                        });
    }

    @Test
    void healthProbesHitThePortHealthIsServedOn() {
        for (String service : SERVICES) {
            Container c = workloads().get(service).getContainers().get(0);
            int http =
                    c.getPorts().stream()
                            .filter(p -> "http".equals(p.getName()))
                            .findFirst()
                            .orElseThrow()
                            .getContainerPort();
            for (Probe probe : List.of(c.getLivenessProbe(), c.getReadinessProbe())) {
                assertTrue(probe.getHttpGet().getPath().startsWith("/q/health/"), service);
                assertEquals(
                        http,
                        probe.getHttpGet().getPort().getIntVal(),
                        service + ": health is on the public port, not the management one");
            }
        }
    }

    @Test
    void noSecretValueIsInlined() {
        assertTrue(all(Secret.class).isEmpty(), "Secrets are created out of band, not committed");
        List<String> inlined = new ArrayList<>();
        workloads()
                .forEach(
                        (name, pod) -> {
                            for (Container c : pod.getContainers()) {
                                for (EnvVar env :
                                        c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
                                    if (SECRET_NAME.matcher(env.getName()).matches()
                                            && (env.getValue() != null
                                                    || env.getValueFrom().getSecretKeyRef()
                                                            == null)) {
                                        inlined.add(name + " " + env.getName());
                                    }
                                }
                            }
                        });
        for (ConfigMap map : all(ConfigMap.class)) {
            map.getData().keySet().stream()
                    .filter(k -> SECRET_NAME.matcher(k).matches())
                    .forEach(k -> inlined.add(map.getMetadata().getName() + " " + k));
        }
        assertEquals(List.of(), inlined);
        EnvVar masterKey =
                workloads().get("stores-service").getContainers().get(0).getEnv().stream()
                        .filter(e -> e.getName().equals("GATEHOUSE_IAM_MASTER_KEY"))
                        .findFirst()
                        .orElseThrow();
        assertEquals("gatehouse-secrets", masterKey.getValueFrom().getSecretKeyRef().getName());
    }

    @Test
    void storesServiceScalesHorizontally() {
        HorizontalPodAutoscaler hpa = named(HorizontalPodAutoscaler.class, "stores-service");
        assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind());
        assertEquals("stores-service", hpa.getSpec().getScaleTargetRef().getName());
        assertTrue(hpa.getSpec().getMinReplicas() >= 2);
        assertTrue(hpa.getSpec().getMaxReplicas() > hpa.getSpec().getMinReplicas());
    }

    @Test
    void ingressServesThePublicRoutesAndKeepsTheHostHeader() {
        Ingress ingress = named(Ingress.class, "gatehouse");
        Map<String, String> annotations =
                ingress.getMetadata().getAnnotations() == null
                        ? Map.of()
                        : ingress.getMetadata().getAnnotations();
        annotations
                .keySet()
                .forEach(
                        a -> {
                            assertFalse(a.contains("upstream-vhost"), a);
                            assertFalse(a.contains("rewrite-target"), a);
                        });
        Set<String> backends =
                ingress.getSpec().getRules().stream()
                        .flatMap(r -> r.getHttp().getPaths().stream())
                        .map(p -> p.getBackend().getService().getName())
                        .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("index-service", "stores-service", "identity-service"), backends);
    }

    @Test
    void fanoutServiceIsReachableOnlyFromInsideTheNamespace() {
        NetworkPolicy policy =
                all(NetworkPolicy.class).stream()
                        .filter(
                                p ->
                                        "fanout-service"
                                                .equals(
                                                        p.getSpec()
                                                                .getPodSelector()
                                                                .getMatchLabels()
                                                                .get("app.kubernetes.io/name")))
                        .findFirst()
                        .orElseThrow();
        assertTrue(policy.getSpec().getPolicyTypes().contains("Ingress"));
        assertFalse(policy.getSpec().getIngress().isEmpty());
        policy.getSpec()
                .getIngress()
                .forEach(
                        rule -> {
                            assertFalse(rule.getFrom().isEmpty(), "no rule open to every source");
                            for (NetworkPolicyPeer peer : rule.getFrom()) {
                                assertNotNull(peer.getPodSelector(), "same-namespace pods only");
                                assertNull(peer.getNamespaceSelector(), "no other namespace");
                                assertNull(peer.getIpBlock(), "no address range");
                            }
                        });
    }

    @Test
    void theGeneratedBaseCarriesItsBanner() throws Exception {
        for (String service : List.of("stores-service", "index-service", "identity-service")) {
            String text = Files.readString(ROOT.resolve("deploy/k8s/base/" + service + ".yml"));
            assertTrue(text.startsWith("# GENERATED by deploy/k8s/generate.sh"), service);
        }
    }
}
