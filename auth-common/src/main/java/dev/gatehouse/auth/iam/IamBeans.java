package dev.gatehouse.auth.iam;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.auth.api.OutboundSigner;
import dev.gatehouse.auth.iam.config.IamConfig;
import dev.gatehouse.auth.iam.credentials.AccessKeyStore;
import dev.gatehouse.auth.iam.credentials.PrincipalCatalog;
import dev.gatehouse.auth.iam.credentials.PrincipalProvisioner;
import dev.gatehouse.auth.iam.credentials.SecretCipher;
import dev.gatehouse.auth.iam.credentials.TemporaryCredentials;
import dev.gatehouse.auth.iam.signing.AwsSdkSigner;
import dev.gatehouse.auth.iam.signing.SigningConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * Wires IAM authorization (Redis and the master key are needed only when a service enables it) and,
 * at startup, validates the principals (stopping startup on any error) and provisions their access
 * keys.
 */
@ApplicationScoped
public class IamBeans {

    @Produces
    @ApplicationScoped
    PrincipalCatalog principals(IamConfig config) {
        return PrincipalCatalog.from(config);
    }

    @Produces
    @ApplicationScoped
    AccessKeyStore accessKeys(Instance<ReactiveRedisDataSource> redis, IamConfig config) {
        return new AccessKeyStore(
                redis.get(),
                SecretCipher.fromBase64(config.masterKey()),
                config.credentialCacheTtl());
    }

    @Produces
    @ApplicationScoped
    IamAuthorizer authorizer(
            AccessKeyStore keys,
            PrincipalCatalog principals,
            IamConfig config,
            Instance<ReactiveRedisDataSource> redis) {
        return new IamAuthorizer(
                config.region(),
                config.echoCanonicalRequest(),
                keys,
                principals,
                Clock.systemUTC(),
                config.redisTimeout(),
                config.hosts(),
                new ReplayGuard(redis.get(), Clock.systemUTC(), config.redisTimeout()));
    }

    @Produces
    @ApplicationScoped
    TemporaryCredentials temporaryCredentials(AccessKeyStore keys, PrincipalCatalog principals) {
        return new TemporaryCredentials(keys, principals, Clock.systemUTC());
    }

    @Produces
    @ApplicationScoped
    PrincipalProvisioner provisioner(
            Instance<ReactiveRedisDataSource> redis,
            AccessKeyStore keys,
            PrincipalCatalog principals,
            IamConfig config,
            ObjectMapper json) {
        return new PrincipalProvisioner(redis.get(), keys, principals, config, json);
    }

    @Produces
    @ApplicationScoped
    OutboundSigner outboundSigner(SigningConfig config) {
        AwsSdkSigner signer = new AwsSdkSigner(config);
        signer.warmUp();
        return signer;
    }

    void onStart(
            @Observes StartupEvent event,
            IamConfig config,
            Instance<PrincipalProvisioner> provisioner) {
        if (config.enabled()) {
            provisioner.get().provision();
        }
    }
}
