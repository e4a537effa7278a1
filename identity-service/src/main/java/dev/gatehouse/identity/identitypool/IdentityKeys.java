package dev.gatehouse.identity.identitypool;

import dev.gatehouse.auth.api.Sha256;

/**
 * Redis keys of identity pools. Identity records are keyed (and hash-tagged) by identity id, since
 * GetCredentialsForIdentity knows nothing else; a pool's login index and identity list share the
 * pool's tag. Each command touches one key, so Redis Cluster needs nothing more. None has a TTL:
 * identities are records, kept as on AWS until deleted.
 */
final class IdentityKeys {

    private IdentityKeys() {}

    static String identity(String identityId) {
        return "gatehouse:identitypool:identity:{" + identityId + "}";
    }

    /** A login (provider and subject) of a pool, to the identity it belongs to. */
    static String login(String poolId, String provider, String subject) {
        String digest = Sha256.hex(provider + "\n" + subject);
        return "gatehouse:identitypool:{" + poolId + "}:login:" + digest;
    }

    /** A sorted set of a pool's identity ids, scored by creation time (ListIdentities). */
    static String identities(String poolId) {
        return "gatehouse:identitypool:{" + poolId + "}:identities";
    }
}
