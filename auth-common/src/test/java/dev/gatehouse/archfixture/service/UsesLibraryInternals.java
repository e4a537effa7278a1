package dev.gatehouse.archfixture.service;

import dev.gatehouse.auth.iam.IamAuthorizer;
import dev.gatehouse.redis.local.FreePort;

/** Violates "auth-common only through its API" and "no dev-only machinery". */
public class UsesLibraryInternals {
    IamAuthorizer authorizer;

    int port() {
        return FreePort.pick();
    }
}
