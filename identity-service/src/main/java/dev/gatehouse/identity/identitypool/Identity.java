package dev.gatehouse.identity.identitypool;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An identity of a pool: its id ({@code <region>:<uuid>}), the providers of its linked logins (none
 * for a guest), when it was created and last changed, and the identity it was merged into, if it
 * was (then it is disabled: it has no logins and gets no credentials).
 */
public record Identity(
        String id,
        String poolId,
        List<String> logins,
        Instant created,
        Instant lastModified,
        Optional<String> mergedInto) {

    public boolean authenticated() {
        return !logins.isEmpty();
    }

    public boolean disabled() {
        return mergedInto.isPresent();
    }
}
