package dev.gatehouse.auth.usageplan;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.auth.usageplan.admin.UsageReports;
import dev.gatehouse.auth.usageplan.config.ApiKeysConfig;
import dev.gatehouse.auth.usageplan.config.MeteringConfig;
import dev.gatehouse.auth.usageplan.config.UsagePlansConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

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
            MeteringConfig config) {
        return new UsagePlanLimiter(redis, directory, catalog, config);
    }

    @Produces
    @ApplicationScoped
    ApiKeyProvisioner provisioner(
            ReactiveRedisDataSource redis,
            UsagePlanCatalog catalog,
            ApiKeyDirectory directory,
            MeteringConfig config,
            ObjectMapper json) {
        return new ApiKeyProvisioner(redis, catalog, directory, config, json);
    }

    @Produces
    @ApplicationScoped
    UsageReports reports(
            Instance<ReactiveRedisDataSource> redis,
            UsagePlanCatalog catalog,
            ApiKeyDirectory directory,
            MeteringConfig config) {
        return new UsageReports(redis.get(), catalog, directory, config);
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
