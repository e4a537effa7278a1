package dev.gatehouse.auth.usageplan;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.auth.iam.config.IamConfig;
import dev.gatehouse.auth.iam.credentials.SecretCipher;
import dev.gatehouse.auth.usageplan.admin.UsageReports;
import dev.gatehouse.auth.usageplan.config.ApiKeysConfig;
import dev.gatehouse.auth.usageplan.config.MeteringConfig;
import dev.gatehouse.auth.usageplan.config.UsagePlansConfig;
import dev.gatehouse.auth.usageplan.controlplane.ApiKeyImport;
import dev.gatehouse.auth.usageplan.controlplane.ApiKeyRecords;
import dev.gatehouse.auth.usageplan.controlplane.ApiKeyValueSeal;
import dev.gatehouse.auth.usageplan.controlplane.ApiKeys;
import dev.gatehouse.auth.usageplan.controlplane.ConfigurationObjects;
import dev.gatehouse.auth.usageplan.controlplane.ControlPlaneStore;
import dev.gatehouse.auth.usageplan.controlplane.UsagePlanKeys;
import dev.gatehouse.auth.usageplan.controlplane.UsagePlans;
import io.quarkus.arc.DefaultBean;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Wires the usage-plan components (Redis is looked up lazily: services without keyed routes, such
 * as index-service, have no Redis configured and never touch these beans) and, at startup,
 * validates the configuration (stopping startup on any error) and provisions the keys, when
 * metering is enabled for this service.
 */
@ApplicationScoped
public class MeteringBeans {

    @Produces
    @ApplicationScoped
    UsagePlanCatalog catalog(UsagePlansConfig plans, ApiKeysConfig keys) {
        return UsagePlanCatalog.from(plans, keys);
    }

    @Produces
    @ApplicationScoped
    ApiKeyDirectory directory() {
        return new ApiKeyDirectory();
    }

    @Produces
    @ApplicationScoped
    UsagePlanLimiter limiter(
            ReactiveRedisDataSource redis,
            ApiKeyDirectory directory,
            UsagePlanCatalog catalog,
            MeteringConfig config,
            RedisTimeShift shift) {
        return new UsagePlanLimiter(redis, directory, catalog, config, shift);
    }

    /** Redis's time, unshifted; only a test binds another {@link RedisTimeShift}. */
    @Produces
    @Singleton
    @DefaultBean
    RedisTimeShift redisTimeShift() {
        return RedisTimeShift.NONE;
    }

    @Produces
    @ApplicationScoped
    ControlPlaneStore controlPlaneStore(
            ReactiveRedisDataSource redis, ObjectMapper json, MeteringConfig config) {
        return new ControlPlaneStore(redis, json, config.auditLength());
    }

    @Produces
    @ApplicationScoped
    ApiKeyRecords apiKeyRecords(ReactiveRedisDataSource redis, ControlPlaneStore store) {
        return new ApiKeyRecords(redis, store);
    }

    @Produces
    @ApplicationScoped
    ApiKeyValueSeal apiKeyValueSeal(MeteringConfig config, IamConfig iam) {
        boolean sealable = iam.masterKey().filter(k -> !k.isBlank()).isPresent();
        return new ApiKeyValueSeal(
                config.revealValues() && sealable
                        ? Optional.of(SecretCipher.fromBase64(iam.masterKey()))
                        : Optional.empty());
    }

    @Produces
    @ApplicationScoped
    ApiKeys apiKeys(
            ControlPlaneStore store,
            ApiKeyRecords records,
            ApiKeyValueSeal seal,
            ObjectMapper json) {
        return new ApiKeys(store, records, seal, json);
    }

    @Produces
    @ApplicationScoped
    ApiKeyImport apiKeyImport(
            ControlPlaneStore store,
            ApiKeyRecords records,
            ApiKeyValueSeal seal,
            ObjectMapper json) {
        return new ApiKeyImport(store, records, seal, json);
    }

    @Produces
    @ApplicationScoped
    UsagePlans usagePlans(ControlPlaneStore store, ApiKeyRecords records, ObjectMapper json) {
        return new UsagePlans(store, records, json);
    }

    @Produces
    @ApplicationScoped
    UsagePlanKeys usagePlanKeys(
            ControlPlaneStore store,
            ApiKeyRecords records,
            ApiKeyValueSeal seal,
            ObjectMapper json) {
        return new UsagePlanKeys(store, records, seal, json);
    }

    @Produces
    @ApplicationScoped
    ConfigurationObjects configurationObjects(
            ControlPlaneStore store,
            ApiKeyRecords records,
            UsagePlanCatalog catalog,
            MeteringConfig config,
            ApiKeyValueSeal seal) {
        return new ConfigurationObjects(store, records, catalog, config, seal);
    }

    @Produces
    @ApplicationScoped
    ApiKeyProvisioner provisioner(
            ReactiveRedisDataSource redis,
            UsagePlanCatalog catalog,
            ApiKeyDirectory directory,
            MeteringConfig config,
            ObjectMapper json,
            ConfigurationObjects fileObjects) {
        return new ApiKeyProvisioner(redis, catalog, directory, config, json, fileObjects);
    }

    @Produces
    @ApplicationScoped
    UsageReports reports(
            Instance<ReactiveRedisDataSource> redis,
            ControlPlaneStore store,
            MeteringConfig config) {
        return new UsageReports(redis.get(), store, config);
    }

    void onStart(
            @Observes StartupEvent event,
            MeteringConfig config,
            Instance<ApiKeyProvisioner> provisioner) {
        if (config.enabled()) {
            provisioner.get().provision();
        }
    }
}
