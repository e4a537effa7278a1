package dev.gatehouse.index.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Sign-in is on exactly when an issuer is configured ({@code quarkus.oidc.auth-server-url}): so the
 * three settings (issuer, client id, secret) are all there is to it, and an index-service without
 * them (tests of the public page, a deployment without a user pool) starts with a public page only
 * instead of failing. An explicit {@code quarkus.oidc.tenant-enabled} wins (ordinal 50, below
 * application.properties).
 */
public class SignInSwitch implements ConfigSourceFactory {

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue issuer = context.getValue("quarkus.oidc.auth-server-url");
        boolean configured =
                issuer != null && issuer.getValue() != null && !issuer.getValue().isBlank();
        return List.of(
                new PropertiesConfigSource(
                        Map.of("quarkus.oidc.tenant-enabled", Boolean.toString(configured)),
                        "index-service sign-in switch",
                        50));
    }
}
