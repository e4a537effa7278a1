package dev.gatehouse.identity;

import dev.gatehouse.identity.pool.AppClient;
import dev.gatehouse.identity.pool.PasswordPolicy;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.user.User;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Types read and written with Jackson by hand (users and the pool kept in Redis): kept reflectively
 * accessible in native images.
 */
@RegisterForReflection(
        targets = {User.class, UserPool.class, AppClient.class, PasswordPolicy.class})
final class IdentityNativeImage {

    private IdentityNativeImage() {}
}
