package dev.gatehouse.deploy.k8s;

import static dev.gatehouse.deploy.k8s.RenderedManifests.env;
import static dev.gatehouse.deploy.k8s.RenderedManifests.secretOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hosted sign-in in the cluster as the launcher sets it up: the launcher's app clients ({@code
 * index}: code flow for index-service; {@code machine}: client_credentials) and resource server in
 * the suite file; index-service's three quarkus-oidc settings naming that pool, that client and the
 * secret identity-service is given; the client's callback and sign-out URLs and the pool's domain
 * routed by the Ingress to index-service and identity-service; every secret from a Secret that
 * docs/kubernetes.md tells how to create.
 */
class HostedSignInWiringTest {

    static final List<String> CLIENT_FIELDS =
            List.of(
                    "explicit-auth-flows",
                    "prevent-user-existence-errors",
                    "generate-secret",
                    "allowed-oauth-flows",
                    "allowed-oauth-flows-user-pool-client",
                    "allowed-oauth-scopes",
                    "supported-identity-providers");

    static RenderedManifests k8s;
    static SuiteProperties cluster;
    static SuiteProperties launcher;

    @BeforeAll
    static void render() throws Exception {
        SuiteConfigurationTest.render();
        k8s = SuiteConfigurationTest.k8s;
        cluster = SuiteConfigurationTest.cluster;
        launcher = SuiteConfigurationTest.launcher;
    }

    @Test
    void theClusterRegistersTheLaunchersAppClientsAndResourceServer() {
        Set<String> clients = launcher.names("gatehouse.identity.clients.");
        assertTrue(clients.containsAll(Set.of("index", "machine")), clients.toString());
        assertEquals(clients, cluster.names("gatehouse.identity.clients."));
        for (String client : clients) {
            for (String field : CLIENT_FIELDS) {
                String key = "gatehouse.identity.clients." + client + "." + field;
                assertEquals(launcher.raw().get(key), cluster.raw().get(key), key);
            }
            // A fixed id (index-service is configured before identity-service first starts).
            String id = cluster.resolved("gatehouse.identity.clients." + client + ".client-id");
            assertTrue(id.matches("[\\w+]{1,128}"), client + ": " + id);
        }
        assertEquals(
                SuiteConfigurationTest.under(launcher, "gatehouse.identity.resource-servers."),
                SuiteConfigurationTest.under(cluster, "gatehouse.identity.resource-servers."));
        assertNotEquals(
                cluster.resolved("gatehouse.identity.clients.index.client-id"),
                cluster.resolved("gatehouse.identity.clients.machine.client-id"));
    }

    @Test
    void indexServiceSignsInAgainstThePoolWithTheIndexClient() {
        Container index = k8s.container("index-service");
        String issuer = cluster.resolved("gatehouse.cognito.issuer");
        assertEquals(
                cluster.resolved("gatehouse.identity.issuer-base")
                        + "/"
                        + cluster.resolved("gatehouse.identity.pool-id"),
                issuer);
        assertEquals(issuer, env(index, "GATEHOUSE_INDEX_OIDC_ISSUER").getValue());
        assertEquals(
                cluster.resolved("gatehouse.identity.clients.index.client-id"),
                env(index, "GATEHOUSE_INDEX_OIDC_CLIENT_ID").getValue());
        // The code is redeemed in the cluster, on identity-service's Service.
        URI token = URI.create(env(index, "QUARKUS_OIDC_TOKEN_PATH").getValue());
        assertEquals(URI.create(issuer).resolve("/oauth2/token"), token);
        assertEquals(
                Set.of("identity-service"),
                Set.of(k8s.named(Service.class, token.getHost()).getMetadata().getName()));
    }

    @Test
    void bothSidesOfEachClientSecretReadTheSameSecretKey() {
        Container identity = k8s.container("identity-service");
        Container index = k8s.container("index-service");
        for (String client : List.of("index", "machine")) {
            String variable = variableOf("gatehouse.identity.clients." + client + ".client-secret");
            SecretKeySelector held = secretOf(identity, variable);
            assertTrue(
                    held.getOptional() == null || !held.getOptional(),
                    variable + ": without it identity-service would mint a secret nobody knows");
            if (client.equals("index")) {
                SecretKeySelector sent = secretOf(index, "GATEHOUSE_INDEX_OIDC_CLIENT_SECRET");
                assertEquals(
                        List.of(held.getName(), held.getKey()),
                        List.of(sent.getName(), sent.getKey()));
            }
        }
        SecretKeySelector session = secretOf(index, "GATEHOUSE_INDEX_SESSION_SECRET");
        SecretKeySelector clientSecret = secretOf(index, "GATEHOUSE_INDEX_OIDC_CLIENT_SECRET");
        assertNotEquals(
                List.of(clientSecret.getName(), clientSecret.getKey()),
                List.of(session.getName(), session.getKey()),
                "the session secret is not the client secret");
    }

    @Test
    void callbackAndSignOutUrlsReachIndexServiceAndTheDomainReachesIdentityService() {
        for (String field : List.of("callback-urls", "logout-urls")) {
            String key = "gatehouse.identity.clients.index." + field;
            for (String url : cluster.resolved(key).split(",")) {
                URI uri = URI.create(url.trim());
                assertEquals(
                        Optional.of("index-service"),
                        backend(uri.getHost(), uri.getPath()),
                        key + ": " + uri);
            }
        }
        URI domain = URI.create(cluster.resolved("gatehouse.identity.hosted.domain"));
        for (String path :
                List.of("/oauth2/authorize", "/login", "/forceChangePassword", "/logout")) {
            assertEquals(
                    Optional.of("identity-service"),
                    backend(domain.getHost(), path),
                    domain + path);
        }
        // The sign-in pages index-service links to are routed on its host too.
        String home =
                URI.create(cluster.resolved("gatehouse.identity.clients.index.logout-urls"))
                        .getHost();
        for (String path : List.of("/", "/signin", "/signup", "/signout", "/orders")) {
            assertEquals(Optional.of("index-service"), backend(home, path), home + path);
        }
    }

    @Test
    void everySecretTheDeploymentsReferenceIsCreatedByTheInstructions() throws Exception {
        String doc = Files.readString(RenderedManifests.ROOT.resolve("docs/kubernetes.md"));
        Set<String> secrets = new TreeSet<>();
        for (String service : RenderedManifests.SERVICES) {
            k8s.container(service).getEnv().stream()
                    .filter(e -> e.getValueFrom() != null)
                    .map(e -> e.getValueFrom().getSecretKeyRef())
                    .filter(ref -> ref != null)
                    .forEach(ref -> secrets.add(ref.getName() + " " + ref.getKey()));
        }
        assertTrue(
                secrets.contains("gatehouse-oauth-clients index-client-secret"),
                secrets.toString());
        for (String secret : secrets) {
            String name = secret.split(" ")[0];
            String key = secret.split(" ")[1];
            assertTrue(doc.contains(name), "docs/kubernetes.md creates " + name);
            assertTrue(doc.contains(key + "="), "docs/kubernetes.md sets " + secret);
        }
    }

    /** The variable a suite property references ({@code ${VARIABLE:}}). */
    static String variableOf(String key) {
        Matcher m = SuiteConfigurationTest.ENV_REFERENCE.matcher(cluster.raw().get(key));
        assertTrue(m.matches(), key + " must be ${VARIABLE:}");
        return m.group(1);
    }

    /** The Service the Ingress sends {@code host}{@code path} to, as ingress-nginx matches. */
    static Optional<String> backend(String host, String path) {
        Ingress ingress = k8s.named(Ingress.class, "gatehouse");
        String best = null;
        String service = null;
        for (IngressRule rule : ingress.getSpec().getRules()) {
            if (!host.equals(rule.getHost())) {
                continue;
            }
            for (HTTPIngressPath p : rule.getHttp().getPaths()) {
                boolean matches =
                        "Exact".equals(p.getPathType())
                                ? p.getPath().equals(path)
                                : prefixMatches(p.getPath(), path);
                if (matches && (best == null || p.getPath().length() > best.length())) {
                    best = p.getPath();
                    service = p.getBackend().getService().getName();
                }
            }
        }
        return Optional.ofNullable(service);
    }

    private static boolean prefixMatches(String prefix, String path) {
        if (prefix.equals("/")) {
            return true;
        }
        String trimmed = prefix.replaceAll("/+$", "");
        return path.equals(trimmed) || path.startsWith(trimmed + "/");
    }
}
