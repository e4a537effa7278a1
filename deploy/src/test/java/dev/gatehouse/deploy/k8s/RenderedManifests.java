package dev.gatehouse.deploy.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.Yaml;

/** {@code kubectl kustomize deploy/k8s}, as fabric8 Kubernetes model objects. */
final class RenderedManifests {

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private static final Map<String, Class<? extends HasMetadata>> KINDS =
            Map.of(
                    "Deployment", Deployment.class,
                    "StatefulSet", StatefulSet.class,
                    "Service", Service.class,
                    "ConfigMap", ConfigMap.class,
                    "Secret", Secret.class,
                    "Ingress", Ingress.class,
                    "NetworkPolicy", NetworkPolicy.class,
                    "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);

    private RenderedManifests() {}

    /** Whether kubectl (with its built-in kustomize) is on the PATH. */
    static boolean kubectlAvailable() {
        try {
            Process p = new ProcessBuilder("kubectl", "version", "--client").start();
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String render(Path kustomization) throws IOException, InterruptedException {
        Process p =
                new ProcessBuilder("kubectl", "kustomize", kustomization.toString())
                        .redirectErrorStream(true)
                        .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("kubectl kustomize failed:\n" + out);
        }
        return out;
    }

    /** Every rendered object; an unknown kind or field fails the parse. */
    static List<HasMetadata> parse(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        for (Object document : new Yaml().loadAll(yaml)) {
            if (document == null) {
                continue;
            }
            Map<?, ?> map = (Map<?, ?>) document;
            Class<? extends HasMetadata> type = KINDS.get((String) map.get("kind"));
            if (type == null) {
                throw new IllegalStateException("unexpected kind " + map.get("kind"));
            }
            objects.add(JSON.convertValue(map, type));
        }
        return objects;
    }
}
