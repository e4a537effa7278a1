package dev.gatehouse.index.stores;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Sends index-service's own API key ({@code gatehouse.index.stores-api-key}, from the environment)
 * with every call to stores-service, whose listing routes require one.
 */
public class StoresApiKey implements ClientRequestFilter {

    private final Optional<String> value =
            ConfigProvider.getConfig()
                    .getOptionalValue("gatehouse.index.stores-api-key", String.class)
                    .map(String::strip)
                    .filter(v -> !v.isEmpty());

    @Override
    public void filter(ClientRequestContext request) {
        value.ifPresent(key -> request.getHeaders().putSingle("x-api-key", key));
    }
}
