package dev.gatehouse.auth.cognito;

import dev.gatehouse.auth.cognito.config.CognitoConfig;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/**
 * Wires the Cognito authorizer. Nothing is created (and no configuration is read beyond {@code
 * enabled}) until a {@code @CognitoUserPoolsRequired} route is first called, so services without
 * such routes need no {@code gatehouse.cognito.*} settings.
 */
@ApplicationScoped
public class CognitoBeans {

    @Produces
    @ApplicationScoped
    JwksKeys signingKeys(CognitoConfig config, Vertx vertx) {
        String url = config.jwksUrl().orElseGet(() -> issuer(config) + "/.well-known/jwks.json");
        JwksDownloader downloader =
                new JwksDownloader(
                        vertx.createHttpClient(
                                new HttpClientOptions()
                                        .setConnectTimeout((int) config.jwksTimeout().toMillis())),
                        url,
                        config.jwksTimeout());
        return new JwksKeys(downloader, config.jwksRefreshCooldown(), config.jwksTimeout());
    }

    @Produces
    @ApplicationScoped
    CognitoAuthorizer authorizer(CognitoConfig config, JwksKeys keys) {
        Duration ttl = config.resultTtl();
        if (ttl.isNegative() || ttl.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalStateException(
                    "gatehouse.cognito.result-ttl must be 0 to 3600 s, as"
                            + " AuthorizerResultTtlInSeconds");
        }
        return new CognitoAuthorizer(
                new TokenVerifier(issuer(config), config.clockSkew(), Clock.systemUTC()),
                keys,
                ttl,
                config.resultCacheSize(),
                config.maxTokenLength(),
                Clock.systemUTC());
    }

    private static String issuer(CognitoConfig config) {
        return config.issuer()
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        "gatehouse.cognito.issuer is required by"
                                                + " @CognitoUserPoolsRequired routes"));
    }
}
