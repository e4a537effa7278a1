package dev.gatehouse.identity.identitypool;

import java.time.Instant;
import java.util.List;

/**
 * An identity of a pool: its id ({@code <region>:<uuid>}), the providers of its linked logins (none
 * for a guest) and when it was created and last changed.
 */
public record Identity(
        String id, String poolId, List<String> logins, Instant created, Instant lastModified) {

    public boolean authenticated() {
        return !logins.isEmpty();
    }
}
