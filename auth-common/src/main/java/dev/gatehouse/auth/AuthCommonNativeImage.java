package dev.gatehouse.auth;

import dev.gatehouse.auth.api.RequestIdentity;
import dev.gatehouse.auth.usageplan.admin.UsageReports;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Types auth-common serialises with Jackson outside a REST resource signature (which Quarkus
 * registers by itself): kept reflectively accessible in native images.
 */
@RegisterForReflection(targets = {UsageReports.Usage.class, RequestIdentity.class})
final class AuthCommonNativeImage {

    private AuthCommonNativeImage() {}
}
