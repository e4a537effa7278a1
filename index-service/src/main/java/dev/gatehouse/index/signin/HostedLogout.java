package dev.gatehouse.index.signin;

import io.quarkus.oidc.OidcConfigurationMetadata;
import jakarta.enterprise.context.RequestScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The user pool's sign-out endpoint, {@code GET /logout?client_id=..&logout_uri=..} on the domain
 * that serves its hosted pages (Cognito's managed login: <a
 * href="https://docs.aws.amazon.com/cognito/latest/developerguide/logout-endpoint.html">/logout</a>).
 * Cognito's discovery document announces no {@code end_session_endpoint}, so the endpoint is the
 * authorization endpoint's origin with path {@code /logout}; one that the provider does announce
 * wins. So the three settings (issuer, client id, secret) suffice here too.
 */
@RequestScoped
public class HostedLogout {

    private final OidcConfigurationMetadata provider;
    private final String clientId;

    HostedLogout(
            OidcConfigurationMetadata provider,
            @ConfigProperty(name = "quarkus.oidc.client-id") Optional<String> clientId) {
        this.provider = provider;
        this.clientId = clientId.orElse("");
    }

    /**
     * Where to send the browser so that the pool's session ends and it comes back to {@code to}.
     */
    public URI signOutAndReturnTo(URI to) {
        String endpoint = provider.getEndSessionUri();
        if (endpoint == null || endpoint.isBlank()) {
            URI authorize = URI.create(provider.getAuthorizationUri());
            endpoint = authorize.resolve("/logout").toString();
        }
        return URI.create(
                endpoint
                        + (endpoint.contains("?") ? "&" : "?")
                        + "client_id="
                        + encode(clientId)
                        + "&logout_uri="
                        + encode(to.toString()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
