package dev.gatehouse.identity.identitypool;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who is calling an identity operation: the pool (by id), or the identity and the verified logins
 * that prove it is theirs. Guests prove nothing (their identity id is the secret) and only in pools
 * that allow them; an authenticated identity needs a valid login linked to it.
 */
@ApplicationScoped
public class IdentityLogins {

    static final Pattern ID = Pattern.compile("[\\w-]+:[0-9a-f-]+");

    /** A caller whose claim to an identity holds. */
    public record Caller(IdentityPool pool, Identity identity, List<VerifiedLogin> logins) {}

    private final IdentityPools pools;
    private final IdentityStore store;
    private final IdentityLinks links;
    private final LoginVerifier verifier;

    IdentityLogins(
            IdentityPools pools, IdentityStore store, IdentityLinks links, LoginVerifier verifier) {
        this.pools = pools;
        this.store = store;
        this.links = links;
        this.verifier = verifier;
    }

    public IdentityPool pool(String poolId) {
        checkId(poolId, "identityPoolId");
        return pools.pool(poolId).orElseThrow(() -> IdentityPoolErrors.poolNotFound(poolId));
    }

    public List<VerifiedLogin> verify(IdentityPool pool, Map<String, String> logins) {
        return verifier.verify(pool, logins);
    }

    public Caller caller(String identityId, Map<String, String> logins) {
        checkId(identityId, "identityId");
        LoginVerifier.checkShape(logins);
        Identity identity =
                store.find(identityId)
                        .orElseThrow(() -> IdentityPoolErrors.identityNotFound(identityId));
        IdentityPool pool =
                pools.pool(identity.poolId())
                        .orElseThrow(() -> IdentityPoolErrors.identityNotFound(identityId));
        if (identity.disabled()) {
            // Merged into another identity: AWS disables it ("Access to Identity ... is
            // forbidden."); the client's next GetId with its logins finds the survivor.
            throw IdentityPoolErrors.identityForbidden(identityId);
        }
        if (!identity.authenticated()) {
            if (!logins.isEmpty()) {
                throw IdentityPoolErrors.loginsMismatch();
            }
            if (!pool.allowUnauthenticatedIdentities()) {
                throw IdentityPoolErrors.unauthenticatedNotSupported();
            }
            return new Caller(pool, identity, List.of());
        }
        if (logins.isEmpty()) {
            throw IdentityPoolErrors.identityForbidden(identityId);
        }
        List<VerifiedLogin> verified = verifier.verify(pool, logins);
        for (VerifiedLogin login : verified) {
            if (!store.identityOf(pool.id(), login).map(identityId::equals).orElse(false)) {
                throw IdentityPoolErrors.loginsMismatch();
            }
        }
        return new Caller(pool, identity, verified);
    }

    /**
     * The identity of a developer-authenticated user: the one the login is bound to; else {@code
     * identityId} when given (the login is linked to it), else a new one.
     */
    public Identity developerIdentity(
            IdentityPool pool, VerifiedLogin login, Optional<String> identityId, String region) {
        if (identityId.isPresent()) {
            return links.link(pool, identityId.get(), login);
        }
        return links.resolve(pool, region, List.of(login));
    }

    static void checkAccountId(String accountId) {
        if (!accountId.matches("\\d{1,15}")) {
            throw IdentityPoolErrors.constraint(
                    accountId, "accountId", "Member must satisfy regular expression pattern: \\d+");
        }
    }

    static void checkId(String id, String member) {
        if (id.length() > 55) {
            throw IdentityPoolErrors.constraint(
                    id, member, "Member must have length less than or equal to 55");
        }
        if (!ID.matcher(id).matches()) {
            throw IdentityPoolErrors.constraint(
                    id,
                    member,
                    "Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+");
        }
    }
}
