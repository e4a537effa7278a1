package dev.gatehouse.identity.identitypool;

import dev.gatehouse.auth.api.Sha256;

/**
 * Redis keys of identity pools, all under the pool's hash tag, so that linking logins and merging
 * identities is one script on one Redis Cluster slot. None has a TTL: identities are records, kept
 * as on AWS until deleted (a merged identity is kept too, disabled).
 */
final class IdentityKeys {

    private IdentityKeys() {}

    /** An identity's record (hash: links, created, modified, rev, merged). */
    static String identity(String poolId, String identityId) {
        return "gatehouse:identitypool:{" + poolId + "}:identity:" + identityId;
    }

    /** The digest a login (provider and subject) is known by. */
    static String digest(String provider, String subject) {
        return Sha256.hex(provider + "\n" + subject);
    }

    /** A login of a pool, to the identity it belongs to. */
    static String login(String poolId, String digest) {
        return "gatehouse:identitypool:{" + poolId + "}:login:" + digest;
    }

    /** A sorted set of a pool's identity ids, scored by creation time (ListIdentities). */
    static String identities(String poolId) {
        return "gatehouse:identitypool:{" + poolId + "}:identities";
    }
}
