package dev.gatehouse.deploy.k8s;

import static dev.gatehouse.deploy.k8s.RenderedManifests.env;
import static dev.gatehouse.deploy.k8s.RenderedManifests.httpPort;
import static dev.gatehouse.deploy.k8s.RenderedManifests.secretOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How deploy/k8s wires each service to the suite: the suite configuration mounted and named by
 * {@code GATEHOUSE_CONFIG}, Redis, the master key and every principal's keys from Secrets, each
 * service signing with its own principal's keys, and the in-cluster URLs it calls.
 */
class ServiceWiringTest {

    static final Set<String> SERVICES = RenderedManifests.SERVICES;

    static RenderedManifests k8s;

    @BeforeAll
    static void render() throws Exception {
        k8s = RenderedManifests.suite();
    }

    @Test
    void everyServiceMountsTheSuiteConfiguration() {
        String suite = k8s.generatedConfigMap("gatehouse-suite").getMetadata().getName();
        String redis = k8s.generatedConfigMap("gatehouse-redis").getMetadata().getName();
        for (String service : SERVICES) {
            PodSpec pod = k8s.named(Deployment.class, service).getSpec().getTemplate().getSpec();
            Volume volume =
                    Optional.ofNullable(pod.getVolumes()).orElse(List.of()).stream()
                            .filter(v -> v.getConfigMap() != null)
                            .filter(v -> suite.equals(v.getConfigMap().getName()))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError(service + " lacks " + suite));
            Container c = k8s.container(service);
            VolumeMount mount =
                    c.getVolumeMounts().stream()
                            .filter(m -> m.getName().equals(volume.getName()))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError(service + " mounts no suite"));
            assertEquals(Boolean.TRUE, mount.getReadOnly(), service);
            assertEquals(
                    mount.getMountPath() + "/gatehouse.properties",
                    env(c, "GATEHOUSE_CONFIG").getValue(),
                    service);
            assertTrue(
                    c.getEnvFrom().stream()
                            .anyMatch(
                                    e ->
                                            e.getConfigMapRef() != null
                                                    && redis.equals(e.getConfigMapRef().getName())),
                    service + " reads " + redis);
            assertEquals("gatehouse-secrets", secretOf(c, "GATEHOUSE_IAM_MASTER_KEY").getName());
        }
        assertTrue(
                k8s.generatedConfigMap("gatehouse-suite")
                        .getData()
                        .containsKey("gatehouse.properties"));
    }

    @Test
    void everyServiceKnowsTheKeysOfEveryPrincipal() {
        // Every service verifies SigV4 and provisions the suite's principals at startup.
        Map<String, String> secrets =
                Map.of(
                        "INDEX", "index-service-credentials",
                        "STORES", "stores-service-credentials",
                        "FANOUT", "fanout-service-credentials",
                        "ADMIN", "gatehouse-admin-credentials");
        for (String service : SERVICES) {
            Container c = k8s.container(service);
            secrets.forEach(
                    (principal, secret) -> {
                        SecretKeySelector id =
                                secretOf(c, "GATEHOUSE_IAM_" + principal + "_ACCESS_KEY_ID");
                        SecretKeySelector key =
                                secretOf(c, "GATEHOUSE_IAM_" + principal + "_SECRET_ACCESS_KEY");
                        assertEquals(
                                List.of(secret, "access-key-id"),
                                List.of(id.getName(), id.getKey()));
                        assertEquals(
                                List.of(secret, "secret-access-key"),
                                List.of(key.getName(), key.getKey()));
                    });
        }
    }

    @Test
    void eachServiceSignsWithTheKeysOfItsOwnPrincipal() {
        for (String service : List.of("stores-service", "index-service", "fanout-service")) {
            Container c = k8s.container(service);
            String principal = service.substring(0, service.indexOf('-')).toUpperCase(Locale.ROOT);
            for (String part : List.of("ACCESS_KEY_ID", "SECRET_ACCESS_KEY")) {
                SecretKeySelector signs = secretOf(c, "AWS_" + part);
                SecretKeySelector known = secretOf(c, "GATEHOUSE_IAM_" + principal + "_" + part);
                assertEquals(service + "-credentials", signs.getName(), service);
                assertEquals(
                        List.of(known.getName(), known.getKey()),
                        List.of(signs.getName(), signs.getKey()),
                        service);
                assertEquals(Boolean.TRUE, signs.getOptional(), service + ": IRSA may replace it");
            }
        }
        // identity-service calls nobody.
        assertTrue(
                k8s.container("identity-service").getEnv().stream()
                        .noneMatch(e -> e.getName().startsWith("AWS_")));
    }

    @Test
    void servicesCallEachOtherThroughTheirServices() {
        assertEquals(
                "http://fanout-service",
                env(k8s.container("stores-service"), "QUARKUS_REST_CLIENT_FANOUT_URL").getValue());
        assertEquals(
                "http://stores-service",
                env(k8s.container("index-service"), "QUARKUS_REST_CLIENT_STORES_URL").getValue());
        for (String service : List.of("fanout-service", "stores-service")) {
            ServicePort port = k8s.named(Service.class, service).getSpec().getPorts().get(0);
            assertEquals(80, port.getPort(), service + ": the URLs name no port");
            assertEquals(
                    httpPort(k8s.container(service)), port.getTargetPort().getIntVal(), service);
        }
    }
}
