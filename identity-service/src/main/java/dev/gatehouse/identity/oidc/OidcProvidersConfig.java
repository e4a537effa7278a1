package dev.gatehouse.identity.oidc;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Outside OpenID Connect providers the suite trusts, as {@code AWS::IAM::OIDCProvider} declares
 * them: {@code gatehouse.oidc-providers.providers.<name>.url} and {@code client-id-list}. Identity
 * pools name them by ARN ({@code arn:aws:iam::<account>:oidc-provider/<host and path of url>}), and
 * STS AssumeRoleWithWebIdentity accepts their ID tokens for roles that trust them.
 */
@ConfigMapping(prefix = "gatehouse.oidc-providers")
public interface OidcProvidersConfig {

    /** How long a provider's JWKS is kept before it is fetched again. */
    @WithDefault("10m")
    Duration jwksCacheTtl();

    /** Longest wait for a provider's discovery document or JWKS. */
    @WithDefault("5s")
    Duration fetchTimeout();

    Map<String, Provider> providers();

    /** One {@code AWS::IAM::OIDCProvider}. */
    interface Provider {

        /** {@code Url}: the issuer, exactly as the tokens' {@code iss} spells it. */
        String url();

        /** {@code ClientIdList}: the audiences ({@code aud}) accepted. */
        List<String> clientIdList();

        /**
         * Where the keys are; default the {@code jwks_uri} of {@code
         * <url>/.well-known/openid-configuration}.
         */
        Optional<String> jwksUri();
    }
}
