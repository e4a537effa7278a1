package dev.gatehouse.deploy.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.testing.RequiredTool;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.Yaml;

/** {@code kubectl kustomize deploy/k8s}, as fabric8 Kubernetes model objects. */
final class RenderedManifests {

    /** The services of the suite, each a Deployment and a Service of the same name. */
    static final Set<String> SERVICES =
            Set.of("stores-service", "index-service", "identity-service", "fanout-service");

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

    private final String text;
    private final List<HasMetadata> objects;

    private RenderedManifests(String text) {
        this.text = text;
        this.objects = parse(text);
    }

    /** Renders the kustomization in {@code dir} and parses every object. */
    static RenderedManifests of(Path dir) throws IOException, InterruptedException {
        return new RenderedManifests(render(dir));
    }

    /** The repository's root (the deploy module's parent unless {@code gatehouse.root} says). */
    static final Path ROOT = Path.of(System.getProperty("gatehouse.root", "..")).toAbsolutePath();

    private static RenderedManifests suite;

    /**
     * deploy/k8s rendered once for every test class; skips the calling class where kubectl is
     * missing ({@code .ci/run} installs it, a Debian package).
     */
    static synchronized RenderedManifests suite() throws IOException, InterruptedException {
        RequiredTool.require(
                kubectlAvailable()
                        ? null
                        : "kubectl is not installed (apt-get install kubectl): cannot render"
                                + " deploy/k8s");
        if (suite == null) {
            suite = of(ROOT.resolve("deploy/k8s"));
        }
        return suite;
    }

    /** The rendered YAML, as {@code kubectl apply -k} would send it. */
    String text() {
        return text;
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T named(Class<T> type, String name) {
        return all(type).stream()
                .filter(o -> o.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }

    /** The only container of a service's pod. */
    Container container(String service) {
        List<Container> containers =
                named(Deployment.class, service).getSpec().getTemplate().getSpec().getContainers();
        if (containers.size() != 1) {
            throw new AssertionError(service + " has " + containers.size() + " containers");
        }
        return containers.get(0);
    }

    /** A container's environment variable, or an assertion error naming what is missing. */
    static EnvVar env(Container container, String name) {
        return Optional.ofNullable(container.getEnv()).orElse(List.of()).stream()
                .filter(e -> e.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no " + name));
    }

    /** Where a container's variable comes from; an assertion error if it is not a Secret. */
    static SecretKeySelector secretOf(Container c, String variable) {
        EnvVar env = env(c, variable);
        if (env.getValue() != null
                || env.getValueFrom() == null
                || env.getValueFrom().getSecretKeyRef() == null) {
            throw new AssertionError(c.getName() + " " + variable + " is not from a Secret");
        }
        return env.getValueFrom().getSecretKeyRef();
    }

    /** The container port named {@code http}. */
    static int httpPort(Container c) {
        return c.getPorts().stream()
                .filter(p -> "http".equals(p.getName()))
                .findFirst()
                .orElseThrow()
                .getContainerPort();
    }

    /** The one ConfigMap kustomize generated from {@code name} (its name gets a content hash). */
    ConfigMap generatedConfigMap(String name) {
        List<ConfigMap> maps =
                all(ConfigMap.class).stream()
                        .filter(m -> m.getMetadata().getName().matches(name + "-[a-z0-9]{10}"))
                        .toList();
        if (maps.size() != 1) {
            throw new AssertionError("expected one generated ConfigMap " + name + ": " + maps);
        }
        return maps.get(0);
    }

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

    private static String render(Path kustomization) throws IOException, InterruptedException {
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
    private static List<HasMetadata> parse(String yaml) {
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
